package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.SigmaCheck;
import dev.rulec.lint.SigmaDocument;
import dev.rulec.source.sigma.yaml.YNode;

import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every search identifier under {@code detection} is used by the condition. */
public final class SigmaDanglingDetection implements SigmaCheck {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_*]+");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "of", "all", "them", "1");

    public String id() {
        return "sigma-dangling-detection";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "A selection the condition never uses is dead code, usually a forgotten filter or a typo.";
    }

    @Override
    public void check(SigmaDocument doc, Findings out) {
        if (!(doc.get("detection").orElse(null) instanceof YNode.YMap detection)) {
            return;
        }
        List<String> conditions = new ArrayList<>();
        Optional<YNode> cond = detection.get("condition");
        if (cond.isEmpty()) {
            return;
        }
        if (cond.get() instanceof YNode.YSeq seq) {
            seq.items().forEach(i -> SigmaDocument.text(i).ifPresent(conditions::add));
        } else {
            SigmaDocument.text(cond.get()).ifPresent(conditions::add);
        }
        List<String> words = new ArrayList<>();
        for (String c : conditions) {
            Matcher m = WORD.matcher(c);
            while (m.find()) {
                String w = m.group();
                if (w.equals("them")) {
                    return;
                }
                if (!KEYWORDS.contains(w.toLowerCase(java.util.Locale.ROOT))) {
                    words.add(w);
                }
            }
        }
        for (YNode.Entry e : detection.list()) {
            if (e.key().equals("condition") || e.key().equals("timeframe")) {
                continue;
            }
            if (words.stream().noneMatch(w -> matches(w, e.key()))) {
                out.report(e.keyPos(), "detection [" + e.key() + "] is not used by the condition",
                        "use it in the condition, or remove it");
            }
        }
    }

    private static boolean matches(String word, String id) {
        if (!word.contains("*")) {
            return word.equals(id);
        }
        return FileSystems.getDefault().getPathMatcher("glob:" + word.replace("[", "\\[")).matches(java.nio.file.Path.of(id));
    }
}
