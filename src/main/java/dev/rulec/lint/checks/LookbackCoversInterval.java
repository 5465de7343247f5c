package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Schedule;

import java.time.Duration;
import java.util.Optional;

/**
 * The look-back ({@code from}, default {@code now-6m}) reaches at least one {@code interval} (default {@code 5m}) into
 * the past, so consecutive runs leave no gap where events are never searched.
 */
public final class LookbackCoversInterval implements RuleCheck {

    static final String DEFAULT_FROM = "now-6m";
    static final String DEFAULT_INTERVAL = "5m";

    public String id() {
        return "lookback-covers-interval";
    }

    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    public String rationale() {
        return "A look-back shorter than the run interval leaves gaps of time that the rule never searches.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        Schedule s = lr.rule().schedule();
        String intervalText = s.interval().orElse(DEFAULT_INTERVAL);
        String fromText = s.from().orElse(DEFAULT_FROM);
        Optional<Duration> interval = Durations.interval(intervalText);
        if (interval.isEmpty()) {
            out.report(lr.posOf("rule.interval"), "interval [" + intervalText + "] is not a duration",
                    "write a number and a unit s, m, h or d, e.g. \"5m\"");
        }
        Optional<Duration> from = Durations.lookBack(fromText);
        if (from.isEmpty()) {
            out.report(lr.posOf("rule.from"), "from [" + fromText + "] is not date math relative to now",
                    "write e.g. \"now-6m\" (units s, m, h, d)");
        }
        Duration to = s.to().flatMap(Durations::lookBack).orElse(Duration.ZERO);
        if (interval.isEmpty() || from.isEmpty()) {
            return;
        }
        Duration window = from.get().minus(to);
        if (window.compareTo(interval.get()) < 0) {
            String where = s.from().isPresent() ? "rule.from" : "rule.interval";
            out.report(lr.posOf(where), "the look-back " + Durations.format(window) + " (from " + fromText
                    + (s.from().isEmpty() ? ", the default" : "") + ") is shorter than the interval "
                    + intervalText + ": events between runs are never searched",
                    "set from to at least \"now-" + Durations.format(interval.get())
                            + "\" plus a minute or two for ingest delay");
        }
    }
}
