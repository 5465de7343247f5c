package dev.rulec.target;

import dev.rulec.diag.SourcePos;

import java.util.List;
import java.util.Objects;

/**
 * What a renderer needs besides the tree: where problems are reported, the rule's name (for messages),
 * the index patterns (ES|QL's FROM) and the field types (case handling, quoting).
 */
public record RenderContext(SourcePos pos, String ruleName, List<String> indices, FieldTypes fieldTypes) {
    public RenderContext {
        Objects.requireNonNull(pos, "pos is null");
        Objects.requireNonNull(ruleName, "ruleName is null");
        indices = List.copyOf(indices);
        Objects.requireNonNull(fieldTypes, "fieldTypes is null");
    }
}
