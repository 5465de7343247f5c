package dev.rulec.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A schema held as a name → field table. Besides the declared fields it resolves multi-fields
 * ({@code process.name.caseless}) and the dynamic children of an {@code object} field (indexed as {@code keyword},
 * as {@code winlog.event_data.*} is).
 */
final class TableSchema implements Schema {

    /** The type given to a field whose indices map it with different, incompatible types (as ES|QL names it). */
    static final String CONFLICT = "unsupported";

    private final Map<String, FieldInfo> fields;
    private final String description;
    private final boolean openObjects;
    private volatile SortedSet<String> names;

    TableSchema(Map<String, FieldInfo> fields, String description) {
        this(fields, description, true);
    }

    /**
     * @param openObjects whether a name under an {@code object} field the table does not list is a keyword (schema
     *                    tables declare some objects without their keys); false for a cluster's {@code _field_caps},
     *                    which lists every mapped leaf, so an unlisted name is not mapped
     */
    TableSchema(Map<String, FieldInfo> fields, String description, boolean openObjects) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.description = description;
        this.openObjects = openObjects;
    }

    Map<String, FieldInfo> table() {
        return fields;
    }

    @Override
    public Optional<FieldInfo> field(String name) {
        FieldInfo direct = fields.get(name);
        if (direct != null) {
            return Optional.of(direct);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            FieldInfo parent = fields.get(name.substring(0, dot));
            if (parent != null && parent.multiFields().containsKey(name.substring(dot + 1))) {
                return Optional.of(FieldInfo.of(name, parent.multiFields().get(name.substring(dot + 1))));
            }
        }
        for (int i = name.lastIndexOf('.'); i > 0; i = name.lastIndexOf('.', i - 1)) {
            FieldInfo ancestor = fields.get(name.substring(0, i));
            if (ancestor != null) {
                return openObjects && ancestor.type().equals("object") ? Optional.of(FieldInfo.of(name, "keyword"))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public SortedSet<String> fieldNames() {
        SortedSet<String> n = names;
        if (n == null) {
            n = Collections.unmodifiableSortedSet(new TreeSet<>(fields.keySet()));
            names = n;
        }
        return n;
    }

    @Override
    public String description() {
        return description;
    }

    /** {@code over}'s fields replace {@code base}'s of the same name (one data stream: ECS, then the package). */
    static TableSchema overlay(TableSchema base, TableSchema over, String description) {
        Map<String, FieldInfo> all = new LinkedHashMap<>(base.fields);
        all.putAll(over.fields);
        return new TableSchema(all, description);
    }

    /**
     * Several indices read together: a field mapped with different types in different indices gets the type
     * {@value #CONFLICT}, as Elasticsearch reports it.
     */
    static TableSchema union(List<TableSchema> parts, String description) {
        if (parts.size() == 1) {
            return new TableSchema(parts.get(0).fields, description);
        }
        Map<String, FieldInfo> all = new LinkedHashMap<>();
        for (TableSchema part : parts) {
            for (FieldInfo f : part.fields.values()) {
                all.merge(f.name(), f, TableSchema::mergeOne);
            }
        }
        return new TableSchema(all, description);
    }

    private static FieldInfo mergeOne(FieldInfo a, FieldInfo b) {
        if (a.type().equals(b.type())) {
            Map<String, String> multi = new LinkedHashMap<>(a.multiFields());
            b.multiFields().forEach(multi::putIfAbsent);
            return new FieldInfo(a.name(), a.type(), multi);
        }
        if (EsTypes.sameQueryType(a.type(), b.type())) {
            return a;
        }
        return FieldInfo.of(a.name(), CONFLICT);
    }
}
