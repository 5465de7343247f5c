package dev.rulec.lint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CleanRuleTest {

    @Test
    void theCleanFixturePassesEveryCheck() {
        List<String> found = LintFixtures.lines(new Linter(Checks.all(), LintConfig.defaults())
                .run(List.of(LintFixtures.rule(LintFixtures.CLEAN))));
        assertEquals(List.of(), found);
    }
}
