package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.source.sigma.yaml.YNode;
import dev.rulec.source.sigma.yaml.YamlException;
import dev.rulec.source.sigma.yaml.YamlLimits;
import dev.rulec.source.sigma.yaml.YamlReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads pipelines from YAML: one pipeline per document. Keys: {@code name}, {@code description},
 * {@code logsource} (product/category/service), {@code indices}, {@code conditions}, {@code fields},
 * {@code prefixes}, {@code fallback}, {@code unmapped} ({@code error} or {@code warning}), {@code placeholders},
 * {@code types} (target field → mapping type, for fields that are not strings).
 * A field entry is a target name, a list of names, or {@code {to: name, substring_only: true}} or
 * {@code {to: name, values: {source value: target value}}} or, for a source field packing {@code KEY=value} items,
 * {@code {to: name, keyed: {KEY: {field: target, length: n}}}}.
 */
public final class PipelineLoader {

    private static final Set<String> KEYS = Set.of("name", "description", "logsource", "indices", "conditions",
            "fields", "prefixes", "fallback", "unmapped", "placeholders", "types", "unrecorded", "alternative_to");
    private static final Set<String> LOGSOURCE_KEYS = Set.of("product", "category", "service");

    private PipelineLoader() {
    }

    public static List<Pipeline> parse(String text, String file, Diagnostics diags) {
        List<YNode> docs;
        try {
            docs = new YamlReader(YamlLimits.defaults()).readString(text, file);
        } catch (YamlException e) {
            diags.error("pipeline.yaml", e.pos(), e.getMessage(), "");
            return List.of();
        }
        List<Pipeline> out = new ArrayList<>();
        for (YNode doc : docs) {
            try {
                out.add(pipeline(doc));
            } catch (Bad b) {
                diags.error("pipeline.invalid", b.pos, b.getMessage(), "");
            }
        }
        return out;
    }

    private static Pipeline pipeline(YNode doc) throws Bad {
        YNode.YMap m = map(doc, "a pipeline");
        for (YNode.Entry e : m.list()) {
            if (!KEYS.contains(e.key())) {
                throw new Bad(e.keyPos(), "unknown pipeline key [" + e.key() + "]; known: " + String.join(", ",
                        new java.util.TreeSet<>(KEYS)));
            }
        }
        String name = str(m.get("name").orElseThrow(() -> new Bad(m.pos(), "a pipeline needs a [name]")));
        String description = m.get("description").isPresent() ? str(m.get("description").get()) : "";
        Map<String, String> logsource = new LinkedHashMap<>();
        if (m.get("logsource").isPresent()) {
            for (YNode.Entry e : map(m.get("logsource").get(), "logsource").list()) {
                if (!LOGSOURCE_KEYS.contains(e.key())) {
                    throw new Bad(e.keyPos(), "logsource key [" + e.key() + "] is not product, category or service");
                }
                logsource.put(e.key(), str(e.value()));
            }
        }
        List<String> indices = m.get("indices").isPresent() ? strs(m.get("indices").get()) : List.of();
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        if (m.get("conditions").isPresent()) {
            for (YNode.Entry e : map(m.get("conditions").get(), "conditions").list()) {
                conditions.put(e.key(), strs(e.value()));
            }
        }
        Map<String, List<FieldMapping.MappedField>> fields = new LinkedHashMap<>();
        if (m.get("fields").isPresent()) {
            for (YNode.Entry e : map(m.get("fields").get(), "fields").list()) {
                fields.put(e.key(), targets(e.value()));
            }
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        if (m.get("prefixes").isPresent()) {
            for (YNode.Entry e : map(m.get("prefixes").get(), "prefixes").list()) {
                prefixes.put(e.key(), str(e.value()));
            }
        }
        Optional<String> fallback = m.get("fallback").isPresent() ? Optional.of(str(m.get("fallback").get()))
                : Optional.empty();
        Pipeline.Unmapped unmapped = Pipeline.Unmapped.ERROR;
        if (m.get("unmapped").isPresent()) {
            YNode u = m.get("unmapped").get();
            String v = str(u).toLowerCase(Locale.ROOT);
            if (!v.equals("error") && !v.equals("warning")) {
                throw new Bad(u.pos(), "unmapped must be error or warning, not [" + v + "]");
            }
            unmapped = v.equals("error") ? Pipeline.Unmapped.ERROR : Pipeline.Unmapped.WARNING;
        }
        Map<String, List<String>> placeholders = new LinkedHashMap<>();
        if (m.get("placeholders").isPresent()) {
            for (YNode.Entry e : map(m.get("placeholders").get(), "placeholders").list()) {
                placeholders.put(e.key(), strs(e.value()));
            }
        }
        Map<String, String> types = new LinkedHashMap<>();
        if (m.get("types").isPresent()) {
            for (YNode.Entry e : map(m.get("types").get(), "types").list()) {
                types.put(e.key(), str(e.value()));
            }
        }
        Map<String, String> unrecorded = new LinkedHashMap<>();
        if (m.get("unrecorded").isPresent()) {
            for (YNode.Entry e : map(m.get("unrecorded").get(), "unrecorded").list()) {
                unrecorded.put(e.key(), str(e.value()));
            }
        }
        Optional<String> alternativeTo = m.get("alternative_to").isPresent()
                ? Optional.of(str(m.get("alternative_to").get())) : Optional.empty();
        return new Pipeline(name, description, logsource, indices, conditions, fields, prefixes, fallback, unmapped,
                placeholders, types, unrecorded, alternativeTo, m.pos());
    }

    private static final Set<String> FIELD_KEYS = Set.of("to", "substring_only", "values", "keyed", "joined",
            "separator", "warn");

    private static List<FieldMapping.MappedField> targets(YNode v) throws Bad {
        if (v instanceof YNode.YMap m) {
            for (YNode.Entry e : m.list()) {
                if (!FIELD_KEYS.contains(e.key())) {
                    throw new Bad(e.keyPos(), "unknown field entry key [" + e.key() + "]; known: "
                            + String.join(", ", new java.util.TreeSet<>(FIELD_KEYS)));
                }
            }
            Optional<String> warn = m.get("warn").isPresent() ? Optional.of(str(m.get("warn").get()))
                    : Optional.empty();
            if (m.get("joined").isPresent()) {
                List<String> parts = strs(m.get("joined").get());
                YNode sepNode = m.get("separator").orElseThrow(() -> new Bad(m.pos(), "a [joined] entry needs"
                        + " [separator]"));
                String sep = str(sepNode);
                if (parts.size() != 2 || sep.length() != 1) {
                    throw new Bad(m.pos(), "[joined] takes two target fields and a one-character [separator]");
                }
                FieldMapping.MappedField j = FieldMapping.MappedField.joined(
                        new JoinedField(parts.get(0), parts.get(1), sep));
                return List.of(warn.map(j::withWarn).orElse(j));
            }
            boolean substringOnly = m.get("substring_only").map(x -> x instanceof YNode.YScalar s
                    && s.text().equals("true")).orElse(false);
            Map<String, String> values = new LinkedHashMap<>();
            if (m.get("values").isPresent()) {
                for (YNode.Entry e : map(m.get("values").get(), "values").list()) {
                    values.put(e.key().toLowerCase(Locale.ROOT), str(e.value()));
                }
            }
            Map<String, FieldMapping.KeyedTarget> keyed = new LinkedHashMap<>();
            if (m.get("keyed").isPresent()) {
                for (YNode.Entry e : map(m.get("keyed").get(), "keyed").list()) {
                    YNode.YMap k = map(e.value(), "a keyed entry");
                    String field = str(k.get("field").orElseThrow(() -> new Bad(k.pos(), "a keyed entry needs [field]")));
                    int length = k.get("length").isPresent() ? Integer.parseInt(str(k.get("length").get())) : 0;
                    keyed.put(e.key().toLowerCase(Locale.ROOT), new FieldMapping.KeyedTarget(field, length));
                }
            }
            if (m.get("to").isEmpty() && keyed.isEmpty()) {
                throw new Bad(m.pos(), "a field entry map needs [to] (or [keyed])");
            }
            List<String> names = m.get("to").isPresent() ? strs(m.get("to").get())
                    : List.of(keyed.values().iterator().next().field());
            List<FieldMapping.MappedField> out = new ArrayList<>();
            for (String t : names) {
                FieldMapping.MappedField f = new FieldMapping.MappedField(t, substringOnly, values, keyed);
                out.add(warn.map(f::withWarn).orElse(f));
            }
            return out;
        }
        return strs(v).stream().map(t -> new FieldMapping.MappedField(t, false)).toList();
    }

    private static YNode.YMap map(YNode n, String what) throws Bad {
        if (n instanceof YNode.YMap m) {
            return m;
        }
        throw new Bad(n.pos(), what + " must be a mapping, not " + n.kindName());
    }

    private static String str(YNode n) throws Bad {
        if (n instanceof YNode.YScalar s && s.type() != YNode.ScalarType.NULL) {
            return s.text();
        }
        throw new Bad(n.pos(), "expected a value, not " + n.kindName());
    }

    private static List<String> strs(YNode n) throws Bad {
        if (n instanceof YNode.YSeq seq) {
            List<String> out = new ArrayList<>();
            for (YNode i : seq.items()) {
                out.add(str(i));
            }
            if (out.isEmpty()) {
                throw new Bad(seq.pos(), "expected at least one value");
            }
            return out;
        }
        return List.of(str(n));
    }

    private static final class Bad extends Exception {
        final SourcePos pos;

        Bad(SourcePos pos, String message) {
            super(message, null, false, false);
            this.pos = pos;
        }
    }
}
