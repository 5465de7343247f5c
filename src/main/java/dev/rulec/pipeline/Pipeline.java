package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.pipeline.FieldMapping.MappedField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A field-mapping pipeline, read from YAML: which rules it applies to (by logsource), where their events live
 * (index patterns), what every such event satisfies (conditions ANDed onto the detection) and how field names
 * map. Pure data; applying it creates new values and mutates nothing.
 *
 * @param logsource  keys (product, category, service) that must all equal the rule's, ignoring case
 * @param conditions field → accepted values (exact, case-sensitive; a list is an OR)
 * @param fields     rule field → target fields (several: a match on any of them)
 * @param prefixes   rule field prefix → target prefix, for fields without an entry in {@code fields}
 * @param fallback   prefix for any other field (e.g. {@code winlog.event_data.}), when the data source keeps
 *                   unmapped fields under one object; empty means such fields are unmapped
 * @param unmapped   what an unmapped field is: an error, or a warning (then the field is kept as written)
 * @param placeholders values for the {@code expand} modifier's {@code %name%} placeholders
 * @param types      mapping types of target fields that are not strings (numbers, ips, flattened objects), for the
 *                   renderers; the sub-keys of a {@code flattened} field have type {@code flattened} too
 * @param unrecorded rule field → why the data source does not record it (the reason in the unmapped-field error)
 * @param alternativeTo the pipeline this one stands in for when that one cannot map every field of a rule (see
 *                   {@link PipelineSet#candidates}); such a pipeline is chosen by logsource only when that one
 *                   is absent
 */
public record Pipeline(String name, String description, Map<String, String> logsource, List<String> indices,
                       Map<String, List<String>> conditions, Map<String, List<FieldMapping.MappedField>> fields,
                       Map<String, String> prefixes, Optional<String> fallback, Unmapped unmapped,
                       Map<String, List<String>> placeholders, Map<String, String> types,
                       Map<String, String> unrecorded, Optional<String> alternativeTo, SourcePos origin) {

    public Pipeline {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(description, "description is null");
        logsource = Map.copyOf(logsource);
        indices = List.copyOf(indices);
        conditions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conditions));
        fields = Map.copyOf(fields);
        prefixes = Map.copyOf(prefixes);
        Objects.requireNonNull(fallback, "fallback is null");
        Objects.requireNonNull(unmapped, "unmapped is null");
        placeholders = Map.copyOf(placeholders);
        types = Map.copyOf(types);
        unrecorded = Map.copyOf(unrecorded);
        Objects.requireNonNull(alternativeTo, "alternativeTo is null");
        Objects.requireNonNull(origin, "origin is null");
    }

    public enum Unmapped { ERROR, WARNING }

    /** Whether every logsource key of the pipeline is present in the rule's logsource with the same value. */
    public boolean appliesTo(Map<String, String> ruleLogsource) {
        for (Map.Entry<String, String> e : logsource.entrySet()) {
            String v = ruleLogsource.get(e.getKey());
            if (v == null || !v.toLowerCase(Locale.ROOT).equals(e.getValue().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** The conditions as one tree, or empty when there are none. */
    public Optional<Expr> conditionExpr() {
        List<Expr> terms = new ArrayList<>();
        for (Map.Entry<String, List<String>> c : conditions.entrySet()) {
            List<Expr> alts = new ArrayList<>();
            for (String v : c.getValue()) {
                alts.add(new Expr.Match(c.getKey(), Literal.string(v), CaseMode.SENSITIVE));
            }
            terms.add(Expr.anyOf(alts));
        }
        return terms.isEmpty() ? Optional.empty() : Optional.of(Expr.allOf(terms));
    }

    /** The mapping types this pipeline knows for its target fields. */
    public dev.rulec.target.FieldTypes fieldTypes() {
        return field -> {
            String t = types.get(field);
            if (t != null) {
                return Optional.of(t);
            }
            for (int i = field.lastIndexOf('.'); i > 0; i = field.lastIndexOf('.', i - 1)) {
                if ("flattened".equals(types.get(field.substring(0, i)))) {
                    return Optional.of("flattened");
                }
            }
            return Optional.empty();
        };
    }

    /** This pipeline's field mapping: exact entries, then the longest prefix, then the fallback. */
    public FieldMapping fieldMapping() {
        Pipeline self = this;
        return new FieldMapping() {
            public List<MappedField> map(String field, SourcePos pos, Diagnostics diags) {
                return self.map(field, pos, diags);
            }

            public String name() {
                return self.name;
            }

            public Optional<String> unrecorded(String field) {
                return Optional.ofNullable(self.unrecorded.get(field));
            }
        };
    }

    private List<FieldMapping.MappedField> map(String field, SourcePos pos, Diagnostics diags) {
        List<FieldMapping.MappedField> exact = fields.get(field);
        if (exact != null) {
            return exact;
        }
        if (unrecorded.containsKey(field)) {
            return List.of();
        }
        String best = null;
        for (String p : prefixes.keySet()) {
            if (field.startsWith(p) && field.length() > p.length() && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        if (best != null) {
            return List.of(new FieldMapping.MappedField(prefixes.get(best) + field.substring(best.length()), false));
        }
        if (fallback.isPresent()) {
            return List.of(new FieldMapping.MappedField(fallback.get() + field, false));
        }
        if (unmapped == Unmapped.WARNING) {
            diags.warning("pipeline.unmapped-field", pos, "field [" + field + "] has no mapping in pipeline ["
                    + name + "]; kept as written", "add it to the pipeline's fields");
            return List.of(new FieldMapping.MappedField(field, false));
        }
        return List.of();
    }
}
