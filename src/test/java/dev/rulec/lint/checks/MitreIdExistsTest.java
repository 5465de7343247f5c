package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MitreIdExistsTest {

    @Test
    void acceptsKnownIds() {
        assertEquals(List.of(), run(new MitreIdExists(), CLEAN));
    }

    @Test
    void reportsUnknownTacticTechniqueAndSubtechnique() {
        String toml = with("id = \"TA0002\"", "id = \"TA0099\"").replace("id = \"T1059\"", "id = \"T9999\"")
                .replace("id = \"T1059.001\"", "id = \"T1059.999\"");
        assertEquals(List.of(
                "r.toml:39:1: error: unknown ATT&CK technique [T9999] (write techniques as Tnnnn; sub-techniques go in "
                        + "[[...subtechnique]] tables) [mitre-id-exists]",
                "r.toml:44:1: error: unknown ATT&CK sub-technique [T1059.999] (write sub-techniques as Tnnnn.nnn under "
                        + "their technique) [mitre-id-exists]",
                "r.toml:49:1: error: unknown ATT&CK tactic [TA0099] (use a tactic id TA00nn from "
                        + "https://attack.mitre.org/tactics/enterprise/) [mitre-id-exists]"),
                lines(run(new MitreIdExists(), toml)));
    }

    @Test
    void reportsADeprecatedTechnique() {
        String toml = with("id = \"T1059\"\nname = \"Command and Scripting Interpreter\"", "id = \"T1064\"\nname = \"Scripting\"")
                .replace("id = \"T1059.001\"", "id = \"T1064.001\"");
        List<String> found = lines(run(new MitreIdExists(), toml));
        assertEquals("r.toml:39:1: error: ATT&CK technique [T1064] Scripting is deprecated (map the rule to the "
                + "technique that replaced it) [mitre-id-exists]", found.get(0));
    }
}
