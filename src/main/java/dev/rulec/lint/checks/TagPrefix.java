package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;

import java.util.List;

/**
 * Every tag is {@code Prefix: value} with a known prefix: Domain, Data Source, Tactic, Use Case, Rule Type, OS,
 * Resources, and those Elastic's rule set also uses (Mitre Atlas, Promotion, Threat).
 */
public final class TagPrefix implements RuleCheck {

    static final List<String> PREFIXES = List.of("Data Source", "Domain", "Mitre Atlas", "OS", "Promotion",
            "Resources", "Rule Type", "Tactic", "Threat", "Use Case");

    public String id() {
        return "tag-prefix";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "Kibana filters rules by tag; free-form tags split the facets analysts search by.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        List<String> tags = lr.rule().about().tags();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            int colon = tag.indexOf(": ");
            String prefix = colon < 0 ? "" : tag.substring(0, colon);
            if (!PREFIXES.contains(prefix) || tag.substring(colon + 2).isBlank()) {
                out.report(lr.posOf("rule.tags[" + i + "]"), "tag [" + tag + "] has no known prefix",
                        "write \"<prefix>: <value>\" with a prefix among " + String.join(", ", PREFIXES));
            }
        }
    }
}
