package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UniqueNameTest {

    @Test
    void acceptsDistinctNames() {
        assertEquals(List.of(), run(new UniqueName(), CLEAN, with("Clean Rule\"", "Other Rule\"")));
    }

    @Test
    void reportsNamesThatDifferOnlyInCase() {
        assertEquals(List.of(
                "r0.toml:9:1: error: name [Clean Rule] is also used by r2.toml (give each rule a distinct name) "
                        + "[unique-name]",
                "r2.toml:9:1: error: name [clean rule] is also used by r0.toml (give each rule a distinct name) "
                        + "[unique-name]"),
                lines(run(new UniqueName(), CLEAN, with("Clean Rule\"", "Other Rule\""),
                        with("Clean Rule\"", "clean rule\""))));
    }
}
