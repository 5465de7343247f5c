package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TagPrefixTest {

    @Test
    void acceptsKnownPrefixes() {
        assertEquals(List.of(), run(new TagPrefix(), CLEAN));
    }

    @Test
    void reportsUnknownPrefixesAndBareTags() {
        assertEquals(List.of(
                "r.toml:17:9: warning: tag [Windows] has no known prefix (write \"<prefix>: <value>\" with a prefix "
                        + "among Data Source, Domain, Mitre Atlas, OS, Promotion, Resources, Rule Type, Tactic, Threat, "
                        + "Use Case) [tag-prefix]",
                "r.toml:17:20: warning: tag [Team: SOC] has no known prefix (write \"<prefix>: <value>\" with a prefix "
                        + "among Data Source, Domain, Mitre Atlas, OS, Promotion, Resources, Rule Type, Tactic, Threat, "
                        + "Use Case) [tag-prefix]"),
                lines(run(new TagPrefix(), with("tags = [", "tags = [\"Windows\", \"Team: SOC\", "))));
    }
}
