package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Threat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Each ATT&CK tactic of the threat mapping has its {@code Tactic: <name>} tag, and each such tag its tactic. */
public final class TacticTag implements RuleCheck {

    static final String PREFIX = "Tactic: ";

    public String id() {
        return "tactic-tag";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "Tactic tags drive rule filtering in Kibana; they must agree with the rule's ATT&CK mapping.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        List<String> tags = lr.rule().about().tags();
        List<Threat> threats = lr.rule().about().threat();
        Set<String> mapped = new HashSet<>();
        for (int i = 0; i < threats.size(); i++) {
            Threat t = threats.get(i);
            if (!t.framework().equals(Threat.MITRE)) {
                continue;
            }
            String name = t.tactic().name();
            mapped.add(name);
            if (!tags.contains(PREFIX + name)) {
                out.report(lr.posOf("rule.threat[" + i + "].tactic.name"), "tactic [" + name
                        + "] is mapped but the rule has no [" + PREFIX + name + "] tag", "add \"" + PREFIX + name
                        + "\" to tags");
            }
        }
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag.startsWith(PREFIX) && !mapped.contains(tag.substring(PREFIX.length()))) {
                out.report(lr.posOf("rule.tags[" + i + "]"), "tag [" + tag + "] has no matching tactic in the "
                        + "threat mapping", "map the tactic in [[rule.threat]], or remove the tag");
            }
        }
    }
}
