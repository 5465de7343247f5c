package dev.rulec.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one way rulec maps an index on a node without the mapper plugins (the test node, {@code rulec test --es}):
 * fields with their mapping types, types the node lacks replaced by their nearest core type ({@link #coreType}), and
 * the create-index body. Fields are dotted names; a field under a {@code nested} path is a property of it, keys under
 * a {@code flattened} field are not fields of their own, and a multi-field belongs to a leaf.
 */
public final class IndexMappingBuilder {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Types whose malformed values the node can be told to ignore. */
    private static final Set<String> MALFORMABLE = Set.of("long", "integer", "short", "byte", "double", "float",
            "half_float", "ip", "date", "date_nanos", "geo_point");
    /** Mapping types of Elasticsearch's core, which every node has. */
    private static final Set<String> CORE = Set.of("keyword", "text", "long", "integer", "short", "byte", "double",
            "float", "half_float", "boolean", "date", "date_nanos", "ip", "geo_point", "geo_shape", "binary",
            "flattened");

    private final SortedMap<String, String> leaves = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, String>> multiFields = new TreeMap<>();
    private final SortedSet<String> nested = new TreeSet<>();
    private boolean ignoreMalformed;
    private boolean dynamic = true;
    private boolean caselessNormalizer;

    /**
     * The type a node without the mapper plugins maps a field of {@code type} as: {@code match_only_text} →
     * {@code text}; {@code wildcard}, {@code constant_keyword} and {@code version} → {@code keyword};
     * {@code scaled_float} → {@code double}; {@code unsigned_long} → {@code long}; core types as they are. Empty for
     * containers ({@code object}, {@code nested}) and types no node maps.
     */
    public static Optional<String> coreType(String type) {
        switch (type) {
            case "match_only_text":
                return Optional.of("text");
            case "wildcard": case "constant_keyword": case "version":
                return Optional.of("keyword");
            case "scaled_float":
                return Optional.of("double");
            case "unsigned_long":
                return Optional.of("long");
            default:
                return CORE.contains(type) ? Optional.of(type) : Optional.empty();
        }
    }

    /**
     * Adds a field of {@code type} (replaced by its {@link #coreType}; ignored when it has none).
     *
     * @throws IllegalArgumentException when the field lies under a mapped leaf or above one: no index maps both
     */
    public IndexMappingBuilder field(String name, String type) {
        Optional<String> t = coreType(type);
        if (t.isEmpty()) {
            return this;
        }
        conflict(name).ifPresent(other -> {
            throw new IllegalArgumentException("cannot map both [" + name + "] and [" + other + "]");
        });
        leaves.put(name, t.get());
        return this;
    }

    /** Adds a multi-field {@code parent.sub} of {@code type} (as its {@link #coreType}) to the leaf {@code parent}. */
    public IndexMappingBuilder multiField(String parent, String sub, String type) {
        if (!leaves.containsKey(parent)) {
            throw new IllegalArgumentException("multi-field [" + parent + "." + sub + "] of an unmapped field");
        }
        coreType(type).ifPresent(t -> multiFields.computeIfAbsent(parent, p -> new TreeMap<>()).put(sub, t));
        return this;
    }

    /** Maps {@code path} (an object holding fields) as {@code nested}. */
    public IndexMappingBuilder nested(String path) {
        nested.add(path);
        return this;
    }

    /**
     * Adds every field the schema declares, with its multi-fields (not under a {@code flattened} field, which keeps
     * its keys), skipping containers and a field under another's leaf (the first in name order wins).
     */
    public IndexMappingBuilder schema(Schema schema) {
        for (String name : schema.fieldNames()) {
            schema.field(name).ifPresent(this::add);
        }
        return this;
    }

    /** Maps as {@code nested} every path the schema declares so. */
    public IndexMappingBuilder nestedPaths(Schema schema) {
        for (String name : schema.fieldNames()) {
            schema.field(name).filter(i -> i.type().equals("nested")).ifPresent(i -> nested(name));
        }
        return this;
    }

    /**
     * Adds the names a query uses that the schema knows without declaring them: keys of an object whose keys the
     * integration maps by a dynamic template ({@code winlog.event_data.*}, as {@code keyword}), as the index of real
     * data holds the keys its events carry.
     */
    public IndexMappingBuilder usedKeys(Schema schema, Collection<String> names) {
        for (String name : names) {
            if (!leaves.containsKey(name) && !schema.fieldNames().contains(name) && conflict(name).isEmpty()) {
                schema.field(name).ifPresent(info -> field(name, info.type()));
            }
        }
        return this;
    }

    /** Values a numeric, ip, date or geo_point field cannot hold are ignored rather than failing the document. */
    public IndexMappingBuilder ignoreMalformed() {
        ignoreMalformed = true;
        return this;
    }

    /** Fields outside the mapping are kept in the source but not indexed ({@code dynamic: false}). */
    public IndexMappingBuilder noDynamicFields() {
        dynamic = false;
        return this;
    }

    /** {@code caseless} multi-fields get the {@code lowercase} normalizer, as ECS maps them. */
    public IndexMappingBuilder caselessNormalizer() {
        caselessNormalizer = true;
        return this;
    }

    /** Field → node type, a multi-field as {@code parent.sub}. */
    public SortedMap<String, String> types() {
        SortedMap<String, String> out = new TreeMap<>(leaves);
        multiFields.forEach((p, subs) -> subs.forEach((s, t) -> out.put(p + "." + s, t)));
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * The create-index body: one shard, no replica; no date or numeric detection; other strings as {@code keyword}
     * (unless {@link #noDynamicFields}); the properties tree.
     */
    public ObjectNode createBody() {
        ObjectNode body = JSON.objectNode();
        body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0)
                .put("mapping.total_fields.limit", 100_000);
        ObjectNode mappings = body.putObject("mappings");
        if (dynamic) {
            mappings.put("date_detection", false).put("numeric_detection", false);
            mappings.putArray("dynamic_templates").addObject().putObject("strings_as_keyword")
                    .put("match_mapping_type", "string").putObject("mapping").put("type", "keyword");
        } else {
            mappings.put("dynamic", false);
        }
        ObjectNode props = mappings.putObject("properties");
        for (String path : nested) {
            place(props, path).put("type", "nested");
        }
        for (Map.Entry<String, String> e : leaves.entrySet()) {
            ObjectNode leaf = place(props, e.getKey()).put("type", e.getValue());
            if (ignoreMalformed && MALFORMABLE.contains(e.getValue())) {
                leaf.put("ignore_malformed", true);
            }
            multiFields.getOrDefault(e.getKey(), Collections.emptySortedMap()).forEach((s, t) -> {
                ObjectNode sub = leaf.withObjectProperty("fields").putObject(s).put("type", t);
                if (caselessNormalizer && s.equals("caseless") && t.equals("keyword")) {
                    sub.put("normalizer", "lowercase");
                }
            });
        }
        return body;
    }

    private void add(FieldInfo info) {
        String name = info.name();
        Optional<String> t = coreType(info.type());
        if (info.isContainer() || t.isEmpty() || conflict(name).isPresent()) {
            return;
        }
        leaves.put(name, t.get());
        if (!t.get().equals("flattened")) {
            info.multiFields().forEach((sub, st) -> multiField(name, sub, st));
        }
    }

    /** A mapped leaf that {@code name} lies under, or lies above. */
    private Optional<String> conflict(String name) {
        for (int i = name.indexOf('.'); i > 0; i = name.indexOf('.', i + 1)) {
            String prefix = name.substring(0, i);
            if (leaves.containsKey(prefix)) {
                return Optional.of(prefix);
            }
        }
        String below = name + ".";
        return leaves.tailMap(below).keySet().stream().findFirst().filter(k -> k.startsWith(below));
    }

    /** The mapping node for a dotted name, creating object parents on the way. */
    private static ObjectNode place(ObjectNode props, String dotted) {
        String[] parts = dotted.split("\\.");
        ObjectNode cur = props;
        for (int i = 0; i < parts.length - 1; i++) {
            cur = cur.withObjectProperty(parts[i]).withObjectProperty("properties");
        }
        return cur.withObjectProperty(parts[parts.length - 1]);
    }
}
