package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.SigmaFixtures.CLEAN;
import static dev.rulec.lint.SigmaFixtures.run;
import static dev.rulec.lint.SigmaFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SigmaWildcardModifierTest {

    @Test
    void acceptsModifiersAndWildcardsInTheMiddle() {
        assertEquals(List.of(), run(new SigmaWildcardModifier(), CLEAN));
        assertEquals(List.of(), run(new SigmaWildcardModifier(), with("CommandLine|contains: 'safe'",
                "CommandLine: 'a*b'")));
    }

    @Test
    void reportsWildcardsThatAModifierShouldSay() {
        assertEquals(List.of("r.yml:15:5: warning: [CommandLine] values are wrapped in wildcards (write "
                + "CommandLine|contains: without the leading and trailing *) [sigma-wildcard-modifier]"),
                run(new SigmaWildcardModifier(), with("CommandLine|contains: 'safe'", "CommandLine: '*safe*'")));
        assertEquals(List.of("r.yml:11:5: warning: [Image] values are wrapped in wildcards (write Image|endswith: "
                + "without the leading *) [sigma-wildcard-modifier]"),
                run(new SigmaWildcardModifier(), with("Image|endswith:\n      - '", "Image:\n      - '*")
                        .replace("- '\\\\powershell", "- '*\\\\powershell")));
    }
}
