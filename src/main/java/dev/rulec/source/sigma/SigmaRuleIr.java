package dev.rulec.source.sigma;

import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.pipeline.Pipeline;
import dev.rulec.source.sigma.yaml.YNode;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sigma detection rule compiled to the IR, before rendering: its detection (pipeline conditions and meta filters
 * included, simplified), the pipeline that mapped it, and the YAML document it came from (for metadata).
 *
 * @param name the rule's optional {@code name} (what correlations and filters may reference besides the id)
 */
public record SigmaRuleIr(String id, Optional<String> name, String title, Map<String, String> logsource,
                          Expr detection, Optional<Pipeline> pipeline, YNode.YMap document, SourcePos origin) {
    public SigmaRuleIr {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(title, "title is null");
        logsource = Map.copyOf(logsource);
        Objects.requireNonNull(detection, "detection is null");
        Objects.requireNonNull(pipeline, "pipeline is null");
        Objects.requireNonNull(document, "document is null");
        Objects.requireNonNull(origin, "origin is null");
    }

    public SigmaRuleIr withDetection(Expr e) {
        return new SigmaRuleIr(id, name, title, logsource, e, pipeline, document, origin);
    }

    public boolean isReferencedBy(String ref) {
        return id.equals(ref) || name.map(ref::equals).orElse(false);
    }
}
