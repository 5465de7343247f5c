package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MitreTechniqueTacticTest {

    @Test
    void acceptsATechniqueUnderItsTactic() {
        assertEquals(List.of(), run(new MitreTechniqueTactic(), CLEAN));
    }

    @Test
    void reportsATechniqueUnderAnotherTactic() {
        String toml = with("id = \"TA0002\"\nname = \"Execution\"", "id = \"TA0007\"\nname = \"Discovery\"");
        assertEquals(List.of(
                "r.toml:39:1: error: ATT&CK T1059 Command and Scripting Interpreter does not belong to tactic "
                        + "Discovery (TA0007) (put it under Execution (TA0002)) [mitre-technique-tactic]",
                "r.toml:44:1: error: ATT&CK T1059.001 PowerShell does not belong to tactic Discovery (TA0007) (put it "
                        + "under Execution (TA0002)) [mitre-technique-tactic]"),
                lines(run(new MitreTechniqueTactic(), toml)));
    }

    @Test
    void reportsASubtechniqueUnderAnotherTechnique() {
        assertEquals(List.of("r.toml:44:1: error: sub-technique [T1047.001] is not part of technique [T1059] (move "
                        + "it under its own technique T1047) [mitre-technique-tactic]"),
                lines(run(new MitreTechniqueTactic(), with("id = \"T1059.001\"", "id = \"T1047.001\""))));
    }
}
