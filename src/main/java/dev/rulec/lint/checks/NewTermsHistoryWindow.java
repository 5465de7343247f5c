package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;

import java.time.Duration;
import java.util.Optional;

/** A new-terms rule's history window reaches further back than the rule's own look-back. */
public final class NewTermsHistoryWindow implements RuleCheck {

    static final String PATH = "rule.new_terms.history_window_start[0].value";

    public String id() {
        return "new-terms-history-window";
    }

    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    public String rationale() {
        return "A term is new only against a history longer than the window searched; otherwise every term is new.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        if (!(lr.rule().detection() instanceof Detection.NewTerms nt)) {
            return;
        }
        Optional<Duration> history = Durations.lookBack(nt.historyWindowStart());
        if (history.isEmpty()) {
            out.report(lr.posOf(PATH), "history_window_start [" + nt.historyWindowStart()
                    + "] is not date math relative to now", "write e.g. \"now-14d\"");
            return;
        }
        String fromText = lr.rule().schedule().from().orElse(LookbackCoversInterval.DEFAULT_FROM);
        Optional<Duration> from = Durations.lookBack(fromText);
        if (from.isPresent() && history.get().compareTo(from.get()) <= 0) {
            out.report(lr.posOf(PATH), "the history window " + nt.historyWindowStart() + " is not longer than the "
                    + "rule's look-back " + fromText + ": every term would be new", "use a history window of "
                    + "days or weeks, e.g. \"now-14d\"");
        }
    }
}
