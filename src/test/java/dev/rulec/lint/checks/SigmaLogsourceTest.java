package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.SigmaFixtures.CLEAN;
import static dev.rulec.lint.SigmaFixtures.run;
import static dev.rulec.lint.SigmaFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SigmaLogsourceTest {

    @Test
    void acceptsALowerCaseLogsource() {
        assertEquals(List.of(), run(new SigmaLogsource(), CLEAN));
    }

    @Test
    void reportsUpperCaseAndEmptyLogsources() {
        assertEquals(List.of("r.yml:7:12: warning: logsource product [Windows] is not lower case (write product: "
                + "windows) [sigma-logsource]"), run(new SigmaLogsource(), with("product: windows", "product: Windows")));
        assertEquals(List.of("r.yml:6:3: warning: the logsource names no category, product or service (add at least "
                + "one of them) [sigma-logsource]"), run(new SigmaLogsource(),
                with("  category: process_creation\n  product: windows\n", "  definition: x\n")));
    }
}
