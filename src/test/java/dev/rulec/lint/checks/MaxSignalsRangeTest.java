package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MaxSignalsRangeTest {

    @Test
    void acceptsOneToAThousand() {
        assertEquals(List.of(), run(new MaxSignalsRange(), CLEAN, with("type = \"query\"", "type = \"query\"\n"
                + "max_signals = 1"), with("type = \"query\"", "type = \"query\"\nmax_signals = 1000")));
    }

    @Test
    void reportsMoreThanKibanaCreatesPerRun() {
        assertEquals(List.of("r.toml:14:1: error: max_signals 5000 is outside 1–1000 (use a value from 1 to 1000, or "
                        + "remove it for Kibana's default of 100) [max-signals-range]"),
                lines(run(new MaxSignalsRange(), with("type = \"query\"", "type = \"query\"\nmax_signals = 5000"))));
    }
}
