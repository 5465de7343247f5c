package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.SigmaFixtures.CLEAN;
import static dev.rulec.lint.SigmaFixtures.run;
import static dev.rulec.lint.SigmaFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SigmaLevelTest {

    @Test
    void acceptsAKnownLevel() {
        assertEquals(List.of(), run(new SigmaLevel(), CLEAN));
    }

    @Test
    void reportsAnUnknownLevel() {
        assertEquals(List.of("r.yml:4:8: warning: unknown level [severe] (use one of informational, low, medium, high, "
                + "critical) [sigma-level]"), run(new SigmaLevel(), with("level: high", "level: severe")));
    }
}
