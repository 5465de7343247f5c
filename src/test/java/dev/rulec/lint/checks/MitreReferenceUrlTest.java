package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MitreReferenceUrlTest {

    @Test
    void acceptsTheIdsPagesWithOrWithoutTrailingSlash() {
        assertEquals(List.of(), run(new MitreReferenceUrl(), CLEAN,
                with("tactics/TA0002/\"", "tactics/TA0002\"")));
    }

    @Test
    void reportsALinkToAnotherId() {
        assertEquals(List.of("r.toml:46:1: warning: reference [https://attack.mitre.org/techniques/T1059/002/] does "
                        + "not lead to T1059.001 (write reference = \"https://attack.mitre.org/techniques/T1059/001/\") "
                        + "[mitre-reference-url]"),
                lines(run(new MitreReferenceUrl(), with("T1059/001/", "T1059/002/"))));
    }
}
