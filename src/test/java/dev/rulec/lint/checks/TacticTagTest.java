package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TacticTagTest {

    @Test
    void acceptsATagPerMappedTactic() {
        assertEquals(List.of(), run(new TacticTag(), CLEAN));
    }

    @Test
    void reportsAMappedTacticWithoutItsTagAndATagWithoutItsTactic() {
        assertEquals(List.of(
                "r.toml:17:29: warning: tag [Tactic: Persistence] has no matching tactic in the threat mapping (map "
                        + "the tactic in [[rule.threat]], or remove the tag) [tactic-tag]",
                "r.toml:50:1: warning: tactic [Execution] is mapped but the rule has no [Tactic: Execution] tag (add "
                        + "\"Tactic: Execution\" to tags) [tactic-tag]"),
                lines(run(new TacticTag(), with("\"Tactic: Execution\"", "\"Tactic: Persistence\""))));
    }
}
