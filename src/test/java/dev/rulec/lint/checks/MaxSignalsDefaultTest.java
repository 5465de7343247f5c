package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MaxSignalsDefaultTest {

    @Test
    void acceptsTheDefaultAndLess() {
        assertEquals(List.of(), run(new MaxSignalsDefault(), CLEAN,
                with("type = \"query\"", "type = \"query\"\nmax_signals = 100")));
    }

    @Test
    void warnsAboveTheDefaultButLeavesOutOfRangeToTheRangeCheck() {
        assertEquals(List.of("r0.toml:14:1: warning: max_signals 1000 is above Kibana's default of 100 (keep it only "
                        + "if the rule is meant to raise many alerts per run (e.g. promoting external alerts)) "
                        + "[max-signals-default]"),
                lines(run(new MaxSignalsDefault(), with("type = \"query\"", "type = \"query\"\nmax_signals = 1000"),
                        with("type = \"query\"", "type = \"query\"\nmax_signals = 1001"))));
    }
}
