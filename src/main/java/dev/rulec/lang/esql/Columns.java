package dev.rulec.lang.esql;

import dev.rulec.schema.FieldInfo;
import dev.rulec.schema.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns flowing between commands, with their ES|QL types. After FROM the columns are the schema's fields (read
 * lazily); a command that names its output (KEEP, STATS) turns them into an explicit list. {@code open} means rulec
 * cannot know every column (after ENRICH or LOOKUP JOIN, or with no schema): unknown names are then not reported.
 */
final class Columns {

    private final Optional<Schema> schema;
    private final Set<String> metadata;
    private final LinkedHashMap<String, EsqlType> explicit;
    private final Set<String> removed;
    private final boolean open;

    private Columns(Optional<Schema> schema, Set<String> metadata, LinkedHashMap<String, EsqlType> explicit,
                    Set<String> removed, boolean open) {
        this.schema = schema;
        this.metadata = metadata;
        this.explicit = explicit;
        this.removed = removed;
        this.open = open;
    }

    static Columns fromSchema(Optional<Schema> schema, Set<String> metadata) {
        return new Columns(schema, Set.copyOf(metadata), new LinkedHashMap<>(), Set.of(), schema.isEmpty());
    }

    static Columns of(LinkedHashMap<String, EsqlType> columns) {
        return new Columns(Optional.empty(), Set.of(), new LinkedHashMap<>(columns), Set.of(), false);
    }

    boolean isOpen() {
        return open;
    }

    Columns opened() {
        return new Columns(schema, metadata, explicit, removed, true);
    }

    /** The type of a column, if it exists. */
    Optional<EsqlType> type(String name) {
        EsqlType t = explicit.get(name);
        if (t != null) {
            return Optional.of(t);
        }
        if (removed.contains(name)) {
            return Optional.empty();
        }
        if (metadata.contains(name)) {
            return Optional.of(MetadataFields.type(name));
        }
        if (schema.isPresent()) {
            Optional<FieldInfo> f = schema.get().field(name);
            if (f.isPresent() && !f.get().isContainer()) {
                return Optional.of(EsqlType.ofMapping(f.get().type()));
            }
        }
        return Optional.empty();
    }

    /** Every column name, in order (schema fields and their multi-fields first, then added columns). */
    List<String> names() {
        List<String> out = new ArrayList<>();
        if (schema.isPresent()) {
            for (String n : schema.get().fieldNames()) {
                FieldInfo f = schema.get().field(n).orElseThrow();
                if (!f.isContainer() && !removed.contains(n) && !explicit.containsKey(n)) {
                    out.add(n);
                }
                for (String sub : f.sortedMultiFields().keySet()) {
                    String full = n + "." + sub;
                    if (!removed.contains(full) && !explicit.containsKey(full)) {
                        out.add(full);
                    }
                }
            }
        }
        for (String m : metadata) {
            if (!removed.contains(m) && !explicit.containsKey(m)) {
                out.add(m);
            }
        }
        out.addAll(explicit.keySet());
        return out;
    }

    /** A new or replaced column, placed last. */
    Columns with(String name, EsqlType type) {
        LinkedHashMap<String, EsqlType> next = new LinkedHashMap<>(explicit);
        next.remove(name);
        next.put(name, type);
        return new Columns(schema, metadata, next, removed, open);
    }

    Columns without(String name) {
        LinkedHashMap<String, EsqlType> next = new LinkedHashMap<>(explicit);
        next.remove(name);
        Set<String> gone = new java.util.HashSet<>(removed);
        gone.add(name);
        return new Columns(schema, metadata, next, Set.copyOf(gone), open);
    }

    /** Only these columns, in this order (KEEP). */
    Columns only(List<String> names) {
        LinkedHashMap<String, EsqlType> next = new LinkedHashMap<>();
        for (String n : names) {
            next.put(n, type(n).orElse(EsqlType.UNKNOWN));
        }
        return new Columns(Optional.empty(), Set.of(), next, Set.of(), open);
    }

    Map<String, EsqlType> explicitColumns() {
        return explicit;
    }
}
