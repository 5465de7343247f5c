package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MitreNameMatchesTest {

    @Test
    void acceptsExactNames() {
        assertEquals(List.of(), run(new MitreNameMatches(), CLEAN));
    }

    @Test
    void reportsAStaleName() {
        assertEquals(List.of("r.toml:45:1: warning: ATT&CK T1059.001 is named [PowerShell], not [Powershell] (write "
                        + "name = \"PowerShell\") [mitre-name-matches]"),
                lines(run(new MitreNameMatches(), with("name = \"PowerShell\"", "name = \"Powershell\""))));
    }
}
