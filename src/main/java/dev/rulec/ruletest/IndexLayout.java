package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.schema.FieldInfo;
import dev.rulec.schema.Schema;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The temporary index the fixture events go into: a name the rule's index patterns match, and a mapping from the
 * built-in schema for those patterns. Mapping types the test node lacks are replaced by their nearest core type
 * ({@code match_only_text} → {@code text}, {@code wildcard} and {@code constant_keyword} → {@code keyword},
 * {@code scaled_float} → {@code double}, {@code unsigned_long} → {@code long}, {@code version} → {@code keyword});
 * the in-process engine uses the same mapping. Fields outside the schema are mapped dynamically: strings as
 * {@code keyword}, numbers as {@code long} or {@code double}, no date detection.
 *
 * @param mapping field → mapping type, multi-fields as {@code parent.sub}
 */
public record IndexLayout(String name, Map<String, String> mapping) {
    public IndexLayout {
        mapping = Map.copyOf(mapping);
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static IndexLayout forRule(TestRule rule, String suffix) {
        Schema schema = Schema.forIndexPatterns(rule.indices());
        Map<String, String> mapping = new TreeMap<>();
        for (String f : schema.fieldNames()) {
            Optional<FieldInfo> info = schema.field(f);
            if (info.isEmpty() || info.get().isContainer()) {
                continue;
            }
            Optional<String> t = coreType(info.get().type());
            if (t.isEmpty() || hasLeafParent(f, mapping)) {
                continue;
            }
            mapping.put(f, t.get());
            if (t.get().equals("flattened")) {
                continue; // its keys are not fields of their own
            }
            for (Map.Entry<String, String> m : info.get().multiFields().entrySet()) {
                coreType(m.getValue()).ifPresent(mt -> mapping.put(f + "." + m.getKey(), mt));
            }
        }
        return new IndexLayout(indexName(rule, suffix), mapping);
    }

    private static boolean hasLeafParent(String f, Map<String, String> mapping) {
        for (int i = f.indexOf('.'); i > 0; i = f.indexOf('.', i + 1)) {
            if (mapping.containsKey(f.substring(0, i))) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> coreType(String t) {
        switch (t) {
            case "match_only_text": return Optional.of("text");
            case "wildcard": case "constant_keyword": case "version": return Optional.of("keyword");
            case "scaled_float": return Optional.of("double");
            case "unsigned_long": return Optional.of("long");
            case "keyword": case "text": case "long": case "integer": case "short": case "byte": case "double":
            case "float": case "half_float": case "boolean": case "date": case "date_nanos": case "ip":
            case "geo_point": case "flattened":
                return Optional.of(t);
            default:
                return Optional.empty();
        }
    }

    /** A concrete index name the first positive pattern matches: its first {@code *} becomes the suffix. */
    static String indexName(TestRule rule, String suffix) {
        String pattern = rule.indices().stream().filter(p -> !p.startsWith("-") && p.indexOf(':') < 0)
                .findFirst().orElse(TestRules.DEFAULT_INDEX);
        String name;
        int star = pattern.indexOf('*');
        if (star < 0) {
            name = pattern;
        } else {
            name = pattern.substring(0, star) + "rulectest-" + suffix + pattern.substring(star + 1).replace("*", "");
        }
        name = name.toLowerCase(Locale.ROOT).replaceAll("[\\\\/?\"<>| ,#]", "_");
        while (name.startsWith("_") || name.startsWith("-") || name.startsWith("+") || name.startsWith(".")) {
            name = "r" + name;
        }
        return name;
    }

    /** The create-index body: settings and the mapping. */
    public ObjectNode createBody() {
        ObjectNode body = JSON.objectNode();
        ObjectNode settings = body.putObject("settings");
        settings.put("number_of_shards", 1).put("number_of_replicas", 0)
                .put("mapping.total_fields.limit", 100_000);
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("date_detection", false).put("numeric_detection", false);
        mappings.putArray("dynamic_templates").addObject().putObject("strings_as_keyword")
                .put("match_mapping_type", "string").putObject("mapping").put("type", "keyword");
        ObjectNode props = mappings.putObject("properties");
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            String f = e.getKey();
            int dot = f.lastIndexOf('.');
            if (dot > 0 && mapping.containsKey(f.substring(0, dot))) {
                continue;
            }
            ObjectNode node = props;
            String[] parts = f.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                node = node.withObjectProperty(parts[i]).withObjectProperty("properties");
            }
            ObjectNode leaf = node.putObject(parts[parts.length - 1]);
            leaf.put("type", e.getValue());
            for (Map.Entry<String, String> m : mapping.entrySet()) {
                String k = m.getKey();
                if (k.startsWith(f + ".") && k.indexOf('.', f.length() + 1) < 0) {
                    leaf.withObjectProperty("fields").putObject(k.substring(f.length() + 1)).put("type", m.getValue());
                }
            }
        }
        return body;
    }
}
