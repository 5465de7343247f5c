package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.SigmaFixtures.CLEAN;
import static dev.rulec.lint.SigmaFixtures.run;
import static dev.rulec.lint.SigmaFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SigmaDanglingDetectionTest {

    @Test
    void acceptsSelectionsUsedDirectlyOrByPatternOrThem() {
        assertEquals(List.of(), run(new SigmaDanglingDetection(), CLEAN));
        assertEquals(List.of(), run(new SigmaDanglingDetection(),
                with("selection and not 1 of filter_*", "all of them")));
    }

    @Test
    void reportsASelectionTheConditionNeverUses() {
        assertEquals(List.of("r.yml:14:3: warning: detection [filter_main] is not used by the condition (use it in the "
                + "condition, or remove it) [sigma-dangling-detection]"),
                run(new SigmaDanglingDetection(), with("selection and not 1 of filter_*", "selection")));
    }
}
