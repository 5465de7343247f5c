package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleIdFormatTest {

    @Test
    void acceptsAUuid() {
        assertEquals(List.of(), run(new RuleIdFormat(), CLEAN));
    }

    @Test
    void reportsCharactersAfterTheUuid() {
        assertEquals(List.of("r.toml:11:1: error: rule_id [11111111-2222-4333-8444-5555555555550] is not a UUID "
                        + "(8-4-4-4-12 hex digits) (use a random UUID such as one printed by `uuidgen`) [rule-id-format]"),
                lines(run(new RuleIdFormat(), with("555555555555\"", "5555555555550\""))));
    }
}
