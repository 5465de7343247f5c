package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NewTermsHistoryWindowTest {

    static String newTerms(String from, String history) {
        return with("type = \"query\"", "type = \"new_terms\"" + (from.isEmpty() ? "" : "\nfrom = \"" + from + "\""))
                .replace("[[rule.threat]]", """
                        [rule.new_terms]
                        field = "new_terms_fields"
                        value = ["host.name"]

                        [[rule.new_terms.history_window_start]]
                        field = "history_window_start"
                        value = "%s"

                        [[rule.threat]]""".formatted(history));
    }

    @Test
    void acceptsAHistoryLongerThanTheLookBack() {
        assertEquals(List.of(), run(new NewTermsHistoryWindow(), newTerms("now-9m", "now-7d"), newTerms("", "now-1h")));
    }

    @Test
    void reportsAHistoryNoLongerThanTheLookBack() {
        assertEquals(List.of("r.toml:42:1: error: the history window now-2h is not longer than the rule's look-back "
                        + "now-2h: every term would be new (use a history window of days or weeks, e.g. \"now-14d\") "
                        + "[new-terms-history-window]"),
                lines(run(new NewTermsHistoryWindow(), newTerms("now-2h", "now-2h"))));
    }

    @Test
    void reportsUnreadableDateMath() {
        assertEquals(List.of("r.toml:41:1: error: history_window_start [last week] is not date math relative to now "
                        + "(write e.g. \"now-14d\") [new-terms-history-window]"),
                lines(run(new NewTermsHistoryWindow(), newTerms("", "last week"))));
    }
}
