package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.SigmaFixtures.CLEAN;
import static dev.rulec.lint.SigmaFixtures.run;
import static dev.rulec.lint.SigmaFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SigmaStatusTest {

    @Test
    void acceptsAKnownStatus() {
        assertEquals(List.of(), run(new SigmaStatus(), CLEAN));
    }

    @Test
    void reportsAnUnknownOrMissingStatus() {
        assertEquals(List.of("r.yml:3:9: warning: unknown status [beta] (use one of stable, test, experimental, "
                + "deprecated, unsupported) [sigma-status]"), run(new SigmaStatus(), with("status: test", "status: beta")));
        assertEquals(List.of("r.yml:1:1: warning: the rule has no status (add status: experimental (or test, stable)) "
                + "[sigma-status]"), run(new SigmaStatus(), with("status: test\n", "")));
    }
}
