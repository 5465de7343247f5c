package dev.rulec.ruletest;

import dev.rulec.ir.Expr;
import dev.rulec.model.Detection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule as the tests see it, from TOML or Sigma.
 *
 * @param ir the query as the IR, for KQL queries and Sigma detections (empty for Lucene, EQL, ES|QL, ML)
 * @param indices the index patterns the rule reads (ES|QL: its FROM)
 * @param from the start of the rule window (date math), Kibana's default {@code now-6m} when unset
 * @param timestampOverride the field the time range applies to, instead of {@code @timestamp}
 * @param timestampFallback whether events without the override field are ranged on {@code @timestamp}
 */
public record TestRule(String ruleId, String name, String file, Detection detection, Optional<Expr> ir,
                       List<String> indices, String from, String to, Optional<String> timestampOverride,
                       boolean timestampFallback) {
    public TestRule {
        Objects.requireNonNull(ruleId, "ruleId is null");
        indices = List.copyOf(indices);
    }

    /** The same rule with its query as the IR (a Lucene query, read against the test index's mapping). */
    public TestRule withIr(Expr tree) {
        return new TestRule(ruleId, name, file, detection, Optional.of(tree), indices, from, to, timestampOverride,
                timestampFallback);
    }

    public String type() {
        return detection.typeName();
    }

    /** The field the time range applies to first. */
    public String timeField() {
        return timestampOverride.orElse("@timestamp");
    }
}
