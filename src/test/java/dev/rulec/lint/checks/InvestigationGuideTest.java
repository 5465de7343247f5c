package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InvestigationGuideTest {

    @Test
    void acceptsAFullGuideAndLevelThreeStepsInAnyCase() {
        assertEquals(List.of(), run(new InvestigationGuide(), CLEAN,
                with("#### Possible investigation steps", "### Possible Investigation Steps")));
    }

    @Test
    void reportsMissingSections() {
        assertEquals(List.of("r.toml:18:1: warning: the investigation guide lacks the sections [### False positive "
                        + "analysis], [### Response and remediation] (add the missing headings in this order: ## "
                        + "Triage and analysis / ### Investigating / #### Possible investigation steps / ### False "
                        + "positive analysis / ### Response and remediation) [investigation-guide]"),
                lines(run(new InvestigationGuide(), with("### False positive analysis", "### Notes")
                        .replace("### Response and remediation", "### More"))));
    }

    @Test
    void reportsAMissingGuideButNotOnBuildingBlocks() {
        String noGuide = CLEAN.substring(0, CLEAN.indexOf("note = ")) + CLEAN.substring(CLEAN.indexOf("[[rule.threat]]"));
        assertEquals(List.of("r.toml:9:1: warning: the rule has no investigation guide (add note = \"\"\"## Triage "
                        + "and analysis …\"\"\" with the investigation, false-positive and response sections) "
                        + "[investigation-guide]"),
                lines(run(new InvestigationGuide(), noGuide)));
        assertEquals(List.of(), run(new InvestigationGuide(),
                noGuide.replace("type = \"query\"", "type = \"query\"\nbuilding_block_type = \"default\"")));
    }
}
