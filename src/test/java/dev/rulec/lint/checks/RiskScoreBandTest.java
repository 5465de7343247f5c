package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RiskScoreBandTest {

    @Test
    void acceptsScoresAtBothEdgesOfTheBand() {
        assertEquals(List.of(), run(new RiskScoreBand(), CLEAN, with("risk_score = 47", "risk_score = 22")));
        assertEquals(List.of(), run(new RiskScoreBand(), with("severity = \"medium\"", "severity = \"critical\"")
                .replace("risk_score = 47", "risk_score = 74")));
    }

    @Test
    void reportsAScoreOutsideTheSeverityBand() {
        assertEquals(List.of("r.toml:10:1: warning: risk_score 73 is outside the medium band 22–47 (use a score "
                        + "from 22 to 47, or change the severity) [risk-score-band]"),
                lines(run(new RiskScoreBand(), with("risk_score = 47", "risk_score = 73"))));
    }

    @Test
    void bandsCoverZeroToHundredWithoutGaps() {
        long next = 0;
        for (dev.rulec.model.Severity s : dev.rulec.model.Severity.values()) {
            long[] b = RiskScoreBand.band(s);
            assertEquals(next, b[0], s.name());
            next = b[1] + 1;
        }
        assertEquals(101, next);
    }
}
