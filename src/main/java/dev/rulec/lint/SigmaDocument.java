package dev.rulec.lint;

import dev.rulec.diag.Diagnostics;
import dev.rulec.source.sigma.yaml.YNode;
import dev.rulec.source.sigma.yaml.YamlException;
import dev.rulec.source.sigma.yaml.YamlLimits;
import dev.rulec.source.sigma.yaml.YamlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One Sigma rule document of a YAML file, as written, with positions. */
public record SigmaDocument(YNode.YMap doc, String file) {

    public SigmaDocument {
        Objects.requireNonNull(doc, "doc is null");
        Objects.requireNonNull(file, "file is null");
    }

    public Optional<YNode> get(String key) {
        return doc.get(key);
    }

    /** The position of a top-level key, or of the document when the key is absent. */
    public dev.rulec.diag.SourcePos posOf(String key) {
        return doc.list().stream().filter(e -> e.key().equals(key)).map(YNode.Entry::keyPos).findFirst()
                .orElse(doc.pos());
    }

    /** Whether this is a rule with a detection (correlation and filter documents are not). */
    public boolean isDetectionRule() {
        return doc.get("detection").isPresent();
    }

    /** The rule documents of a Sigma file; unreadable YAML becomes a {@code sigma.yaml} diagnostic. */
    public static List<SigmaDocument> read(Path file, Diagnostics diags) {
        List<SigmaDocument> out = new ArrayList<>();
        try {
            for (YNode n : new YamlReader(YamlLimits.defaults()).readFile(file, file.toString())) {
                if (n instanceof YNode.YMap m) {
                    out.add(new SigmaDocument(m, file.toString()));
                }
            }
        } catch (YamlException e) {
            diags.error("sigma.yaml", e.pos(), e.getMessage(), "fix the YAML at this place");
        }
        return out;
    }

    /** The text of a scalar value, if the node is one. */
    public static Optional<String> text(YNode n) {
        return n instanceof YNode.YScalar s ? Optional.of(s.text()) : Optional.empty();
    }
}
