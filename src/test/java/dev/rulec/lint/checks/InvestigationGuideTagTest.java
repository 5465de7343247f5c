package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InvestigationGuideTagTest {

    @Test
    void acceptsAGuideWithItsTag() {
        assertEquals(List.of(), run(new InvestigationGuideTag(), CLEAN));
    }

    @Test
    void reportsAGuideWithoutTheTag() {
        assertEquals(List.of("r.toml:17:1: warning: the rule has an investigation guide but no [Resources: "
                        + "Investigation Guide] tag (add \"Resources: Investigation Guide\" to tags) "
                        + "[investigation-guide-tag]"),
                lines(run(new InvestigationGuideTag(), with(", \"Resources: Investigation Guide\"", ""))));
    }

    @Test
    void reportsTheTagWithoutAGuide() {
        assertEquals(List.of("r.toml:17:50: warning: tagged [Resources: Investigation Guide] but the note has no "
                        + "[## Triage and analysis] guide (write the guide, or remove the tag) [investigation-guide-tag]"),
                lines(run(new InvestigationGuideTag(), with("## Triage and analysis", "## Setup"))));
    }
}
