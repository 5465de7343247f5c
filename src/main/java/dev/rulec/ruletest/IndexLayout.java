package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.schema.IndexMappingBuilder;
import dev.rulec.schema.Schema;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The temporary index the fixture events go into: a name the rule's index patterns match, and a mapping from the
 * built-in schema for those patterns ({@link IndexMappingBuilder}: types the test node lacks become their nearest
 * core type); the in-process engine uses the same mapping. Fields outside the schema are mapped dynamically: strings as
 * {@code keyword}, numbers as {@code long} or {@code double}, no date detection.
 *
 * @param mapping field → mapping type, multi-fields as {@code parent.sub}
 */
public record IndexLayout(String name, Map<String, String> mapping) {
    public IndexLayout {
        mapping = Map.copyOf(mapping);
    }

    public static IndexLayout forRule(TestRule rule, String suffix) {
        Schema schema = Schema.forIndexPatterns(rule.indices());
        return new IndexLayout(indexName(rule, suffix), new IndexMappingBuilder().schema(schema).types());
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

    /** The create-index body: settings and the mapping (a name under a mapped field is its multi-field). */
    public ObjectNode createBody() {
        IndexMappingBuilder b = new IndexMappingBuilder();
        new TreeMap<>(mapping).forEach((f, t) -> { // parents before their multi-fields
            int dot = f.lastIndexOf('.');
            if (dot > 0 && mapping.containsKey(f.substring(0, dot))) {
                b.multiField(f.substring(0, dot), f.substring(dot + 1), t);
            } else {
                b.field(f, t);
            }
        });
        return b.createBody();
    }
}
