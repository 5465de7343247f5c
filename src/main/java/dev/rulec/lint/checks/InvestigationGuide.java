package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alerting rules carry an investigation guide ({@code note}) with Elastic's sections: {@code ## Triage and analysis},
 * {@code ### Investigating …}, {@code #### Possible investigation steps}, {@code ### False positive analysis},
 * {@code ### Response and remediation} (headings compared ignoring case; the steps may be a level-3 heading too).
 * Building-block rules, which raise no alerts for analysts, are exempt.
 */
public final class InvestigationGuide implements RuleCheck {

    static final String TRIAGE = "## Triage and analysis";
    private static final List<String> SECTIONS = List.of(TRIAGE, "### Investigating ",
            "#### Possible investigation steps", "### False positive analysis", "### Response and remediation");

    public String id() {
        return "investigation-guide";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "Analysts triage alerts with the rule's guide; a missing guide or section slows every response.";
    }

    /** Whether the note is an investigation guide at all (has the triage heading). */
    static boolean hasGuide(Rule r) {
        return r.about().note().map(n -> n.lines().anyMatch(l -> l.strip().equalsIgnoreCase(TRIAGE))).orElse(false);
    }

    /**
     * A heading compared loosely: case ignored, and {@code ###} taken as {@code ####} for the investigation steps,
     * which Elastic's guides write at either level.
     */
    private static String heading(String line) {
        String l = line.strip().toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("### possible investigation steps") ? "#" + l : l;
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        Rule r = lr.rule();
        if (r.alerting().buildingBlockType().isPresent()) {
            return;
        }
        Optional<String> note = r.about().note();
        if (note.isEmpty() || note.get().isBlank()) {
            out.report(lr.posOf("rule.name"), "the rule has no investigation guide",
                    "add note = \"\"\"## Triage and analysis …\"\"\" with the investigation, false-positive and "
                            + "response sections");
            return;
        }
        List<String> lines = note.get().lines().map(l -> heading(l)).toList();
        List<String> missing = new ArrayList<>();
        for (String s : SECTIONS) {
            String want = heading(s);
            boolean prefix = s.endsWith(" ");
            if (lines.stream().noneMatch(l -> prefix ? l.startsWith(want) && l.length() > want.length()
                    : l.equals(want))) {
                missing.add(prefix ? s + "<subject>" : s);
            }
        }
        if (!missing.isEmpty()) {
            out.report(lr.posOf("rule.note"), "the investigation guide lacks " + (missing.size() == 1 ? "the section "
                    : "the sections ") + String.join(", ", missing.stream().map(m -> "[" + m + "]").toList()),
                    "add the missing headings in this order: " + String.join(" / ", SECTIONS).replace("  ", " "));
        }
    }
}
