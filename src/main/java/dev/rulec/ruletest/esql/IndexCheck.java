package dev.rulec.ruletest.esql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.lang.esql.EsqlType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether Elasticsearch would index documents one after another into an index with a mapping: every value must
 * convert to its field's type, and a path cannot be a value in one place and an object in another. Fields outside the
 * mapping get the type of their first value (strings: keyword), as the test index's dynamic mapping does.
 */
public final class IndexCheck {
    private final Map<String, String> mapping;
    private final Map<String, EsqlType> leaves = new HashMap<>();
    private final Set<String> objects = new HashSet<>();
    private final Set<String> flattened = new HashSet<>();

    public IndexCheck(Map<String, String> mapping) {
        this.mapping = mapping;
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            String f = e.getKey();
            int dot = f.lastIndexOf('.');
            if (dot > 0 && mapping.containsKey(f.substring(0, dot))) {
                continue;
            }
            if (e.getValue().equals("flattened")) {
                flattened.add(f);
            }
            leaves.put(f, EsqlType.ofMapping(e.getValue()));
            addPrefixes(f);
        }
    }

    private void addPrefixes(String f) {
        for (int i = f.indexOf('.'); i > 0; i = f.indexOf('.', i + 1)) {
            objects.add(f.substring(0, i));
        }
    }

    /** Checks a document and, when it can be indexed, records its dynamic fields; the problem otherwise. */
    public Optional<String> add(ObjectNode doc) {
        Map<String, List<JsonNode>> fields = DocValues.fields(doc);
        Map<String, EsqlType> added = new HashMap<>();
        for (Map.Entry<String, List<JsonNode>> f : fields.entrySet()) {
            String path = f.getKey();
            if (underFlattened(path)) {
                continue;
            }
            for (int i = path.indexOf('.'); i > 0; i = path.indexOf('.', i + 1)) {
                String prefix = path.substring(0, i);
                if (leaves.containsKey(prefix) || added.containsKey(prefix)) {
                    return Optional.of("field [" + path + "]: [" + prefix + "] is a value, not an object");
                }
            }
            if (objects.contains(path)) {
                return Optional.of("field [" + path + "] is an object, not a value");
            }
            EsqlType t = leaves.get(path);
            if (t == null) {
                t = added.computeIfAbsent(path, k -> dynamicType(f.getValue().get(0)));
            }
            if (t == EsqlType.UNSUPPORTED) {
                continue;
            }
            try {
                for (JsonNode n : f.getValue()) {
                    EsqlValues.fromJson(n, t);
                }
            } catch (EsqlRuntimeException e) {
                return Optional.of("field [" + path + "]: " + e.getMessage());
            } catch (NeedsClusterException e) {
                continue;
            }
        }
        for (String a : added.keySet()) {
            for (String other : added.keySet()) {
                if (other.startsWith(a + ".")) {
                    return Optional.of("field [" + other + "]: [" + a + "] is a value, not an object");
                }
            }
        }
        leaves.putAll(added);
        added.keySet().forEach(this::addPrefixes);
        return Optional.empty();
    }

    /**
     * The document as the index holds it, flat with dotted keys: values of numeric fields as numbers (a numeric
     * string is coerced, as Elasticsearch does), of keyword fields as text, booleans as booleans; others unchanged.
     * Call after {@link #add} accepted it.
     */
    public ObjectNode indexed(ObjectNode doc) {
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, List<JsonNode>> f : DocValues.fields(doc).entrySet()) {
            EsqlType t = leaves.getOrDefault(f.getKey(), EsqlType.UNSUPPORTED);
            List<JsonNode> vals = new java.util.ArrayList<>();
            for (JsonNode n : f.getValue()) {
                JsonNode v = n;
                if (t == EsqlType.LONG || t == EsqlType.INTEGER || t == EsqlType.DOUBLE || t == EsqlType.KEYWORD
                        || t == EsqlType.BOOLEAN) {
                    try {
                        v = EsqlValues.toJson(EsqlValues.fromJson(n, t));
                    } catch (EsqlRuntimeException e) {
                        v = n;
                    }
                }
                vals.add(v);
            }
            if (vals.size() == 1) {
                out.set(f.getKey(), vals.get(0));
            } else {
                out.putArray(f.getKey()).addAll(vals);
            }
        }
        return out;
    }

    /** The mapping types of the fields added dynamically so far. */
    public Map<String, String> dynamicMapping() {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, EsqlType> e : leaves.entrySet()) {
            if (!mapping.containsKey(e.getKey())) {
                out.put(e.getKey(), e.getValue().label());
            }
        }
        return out;
    }

    private boolean underFlattened(String path) {
        for (String f : flattened) {
            if (path.startsWith(f + ".")) {
                return true;
            }
        }
        return false;
    }

    static EsqlType dynamicType(JsonNode n) {
        if (n.isIntegralNumber()) {
            return EsqlType.LONG;
        }
        if (n.isNumber()) {
            return EsqlType.DOUBLE;
        }
        if (n.isBoolean()) {
            return EsqlType.BOOLEAN;
        }
        return EsqlType.KEYWORD;
    }
}
