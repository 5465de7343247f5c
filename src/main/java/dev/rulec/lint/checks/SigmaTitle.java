package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.SigmaCheck;
import dev.rulec.lint.SigmaDocument;

import java.util.Optional;

/** A Sigma rule has a title of at most 110 characters (SigmaHQ's limit). */
public final class SigmaTitle implements SigmaCheck {

    static final int MAX = 110;

    public String id() {
        return "sigma-title";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "The title becomes the alert's name; SigmaHQ caps it at 110 characters so lists stay readable.";
    }

    @Override
    public void check(SigmaDocument doc, Findings out) {
        if (!doc.isDetectionRule()) {
            return;
        }
        Optional<String> title = doc.get("title").flatMap(SigmaDocument::text).map(String::strip);
        if (title.isEmpty() || title.get().isEmpty()) {
            out.report(doc.posOf("title"), "the rule has no title", "add title: <what the rule detects>");
        } else if (title.get().codePointCount(0, title.get().length()) > MAX) {
            out.report(doc.posOf("title"), "the title has " + title.get().codePointCount(0, title.get().length())
                    + " characters, more than " + MAX, "shorten it; details belong in the description");
        }
    }
}
