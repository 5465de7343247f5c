package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Rule;

import java.util.List;

/** The tag {@code Resources: Investigation Guide} is present exactly when the rule has an investigation guide. */
public final class InvestigationGuideTag implements RuleCheck {

    static final String TAG = "Resources: Investigation Guide";

    public String id() {
        return "investigation-guide-tag";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "Rule lists are filtered by this tag; it must neither promise a missing guide nor hide an existing one.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        Rule r = lr.rule();
        List<String> tags = r.about().tags();
        int at = tags.indexOf(TAG);
        boolean guide = InvestigationGuide.hasGuide(r);
        if (at >= 0 && !guide) {
            out.report(lr.posOf("rule.tags[" + at + "]"), "tagged [" + TAG + "] but the note has no ["
                    + InvestigationGuide.TRIAGE + "] guide", "write the guide, or remove the tag");
        } else if (at < 0 && guide) {
            out.report(lr.posOf("rule.tags"), "the rule has an investigation guide but no [" + TAG + "] tag",
                    "add \"" + TAG + "\" to tags");
        }
    }
}
