package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UniqueRuleIdTest {

    @Test
    void acceptsDistinctIds() {
        assertEquals(List.of(), run(new UniqueRuleId(), CLEAN, with("555555555555\"", "555555555556\"")));
    }

    @Test
    void reportsEachRuleSharingAnIdIgnoringCase() {
        String upper = with("11111111-2222-4333-8444-555555555555", "11111111-2222-4333-8444-555555555555")
                .replace("\"11111111", "\"11111111").replace("-8444-", "-8444-");
        String other = with("Clean Rule", "Other Rule");
        assertEquals(List.of(
                "r0.toml:11:1: error: rule_id [11111111-2222-4333-8444-555555555555] is also used by r1.toml (give "
                        + "each rule its own UUID) [unique-rule-id]",
                "r1.toml:11:1: error: rule_id [11111111-2222-4333-8444-555555555555] is also used by r0.toml (give "
                        + "each rule its own UUID) [unique-rule-id]"),
                lines(run(new UniqueRuleId(), upper, other)));
        String aUpper = with("11111111-2222-4333-8444-555555555555", "AAAAAAAA-2222-4333-8444-555555555555");
        String aLower = with("11111111-2222-4333-8444-555555555555", "aaaaaaaa-2222-4333-8444-555555555555");
        assertEquals(2, run(new UniqueRuleId(), aUpper, aLower).size());
    }
}
