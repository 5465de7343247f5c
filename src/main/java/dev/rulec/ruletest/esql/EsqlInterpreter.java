package dev.rulec.ruletest.esql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.lang.esql.EsqlCommand;
import dev.rulec.lang.esql.EsqlExpr;
import dev.rulec.lang.esql.EsqlQuery;
import dev.rulec.lang.esql.EsqlType;
import dev.rulec.schema.IndexPatterns;
import dev.rulec.target.FieldTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs an ES|QL query over in-memory events, for the subset detection rules use: FROM (with METADATA _id, _index,
 * _version), WHERE, EVAL, STATS … BY, KEEP, DROP, RENAME, SORT, LIMIT, MV_EXPAND. Anything else throws
 * {@link NeedsClusterException}; what Elasticsearch would refuse throws {@link EsqlRuntimeException}.
 */
public final class EsqlInterpreter {

    /** Elasticsearch's implicit limit on a query without LIMIT. */
    static final int DEFAULT_LIMIT = 1000;

    private final ExprEval eval;
    /**
     * The document each row of FROM is, while only WHERE and SORT have run (the rows are then the same objects), for
     * full-text functions; with the index's field names.
     */
    private final Map<Map<String, Object>, JsonNode> documents = new IdentityHashMap<>();
    private Set<String> fieldNames = Set.of();
    private FieldTypes fieldTypes = FieldTypes.unknown();

    public EsqlInterpreter(Instant now) {
        this.eval = new ExprEval(now);
    }

    /**
     * @param index the index holding {@code docs} (what FROM must match, and the {@code _index} metadata value)
     * @param docs the documents in the rule's time range, with their ids
     * @param mapping the index's field types (mapping type names), including multi-fields
     */
    public EsqlResult run(EsqlQuery query, String index, List<Map.Entry<String, ObjectNode>> docs,
                          Map<String, String> mapping) {
        List<EsqlCommand> cmds = query.commands();
        if (!(cmds.get(0) instanceof EsqlCommand.From from)) {
            throw new NeedsClusterException("the source command " + cmds.get(0).name());
        }
        documents.clear();
        Table t = from(from, index, docs, mapping);
        boolean limited = false;
        for (EsqlCommand c : cmds.subList(1, cmds.size())) {
            limited |= c instanceof EsqlCommand.Limit;
            t = apply(c, t);
            if (!(c instanceof EsqlCommand.Where || c instanceof EsqlCommand.Sort)) {
                documents.clear(); // rows are no longer documents of the index: full-text functions are refused
            }
        }
        if (!limited && t.rows().size() > DEFAULT_LIMIT) {
            t = t.withRows(new ArrayList<>(t.rows().subList(0, DEFAULT_LIMIT)));
        }
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        for (Map<String, Object> r : t.rows()) {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (String col : t.columns().keySet()) {
                out.put(col, EsqlValues.toJson(r.get(col)));
            }
            rows.add(out);
        }
        return new EsqlResult(new ArrayList<>(t.columns().keySet()), rows);
    }

    private Table from(EsqlCommand.From from, String index, List<Map.Entry<String, ObjectNode>> docs,
                       Map<String, String> mapping) {
        boolean matches = false;
        for (String p : from.indices()) {
            if (p.indexOf(':') >= 0) {
                throw new NeedsClusterException("cross-cluster FROM " + p);
            }
            matches |= IndexPatterns.matches(p, index);
        }
        if (!matches) {
            throw new EsqlRuntimeException("Unknown index [" + String.join(",", from.indices()) + "]");
        }
        LinkedHashMap<String, EsqlType> cols = new LinkedHashMap<>();
        mapping.keySet().stream().sorted().forEach(f -> cols.put(f, EsqlType.ofMapping(mapping.get(f))));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, List<JsonNode>> flat = new HashMap<>();
        for (Map.Entry<String, ObjectNode> d : docs) {
            flat.clear();
            flatten("", d.getValue(), flat);
            Map<String, Object> row = new HashMap<>();
            for (Map.Entry<String, List<JsonNode>> f : flat.entrySet()) {
                String field = f.getKey();
                if (MappingTypes.underFlattened(field, mapping)) {
                    continue; // the keys of a flattened field are not columns
                }
                EsqlType type = cols.computeIfAbsent(field, k -> IndexCheck.dynamicType(f.getValue().get(0)));
                put(row, field, type, f.getValue());
            }
            for (EsqlCommand.NamePattern m : from.metadata()) {
                switch (m.pattern()) {
                    case "_id": row.put("_id", d.getKey()); break;
                    case "_index": row.put("_index", index); break;
                    case "_version": row.put("_version", 1L); break;
                    default: throw new NeedsClusterException("METADATA " + m.pattern());
                }
            }
            rows.add(row);
            documents.put(row, d.getValue());
        }
        for (String field : List.copyOf(cols.keySet())) {
            int dot = field.lastIndexOf('.');
            if (dot > 0 && cols.containsKey(field.substring(0, dot)) && mapping.containsKey(field)
                    && isMultiField(field, mapping)) {
                String parent = field.substring(0, dot);
                for (Map<String, Object> row : rows) {
                    Object v = row.get(parent);
                    if (v != null) {
                        row.put(field, v);
                    }
                }
            }
        }
        for (EsqlCommand.NamePattern m : from.metadata()) {
            cols.put(m.pattern(), m.pattern().equals("_version") ? EsqlType.LONG : EsqlType.KEYWORD);
        }
        fieldNames = Set.copyOf(cols.keySet());
        fieldTypes = MappingTypes.of(mapping);
        return new Table(cols, rows);
    }

    private static boolean isMultiField(String field, Map<String, String> mapping) {
        String parent = field.substring(0, field.lastIndexOf('.'));
        String pt = mapping.get(parent);
        return pt != null && !pt.equals("object") && !pt.equals("nested") && !pt.equals("flattened");
    }

    private static void put(Map<String, Object> row, String field, EsqlType type, List<JsonNode> values) {
        if (type == EsqlType.UNSUPPORTED) {
            return;
        }
        List<Object> elems = new ArrayList<>();
        for (JsonNode n : values) {
            elems.add(EsqlValues.fromJson(n, type));
        }
        Object v;
        if (type == EsqlType.TEXT) {
            v = EsqlValues.ofElements(elems);
        } else if (type == EsqlType.KEYWORD || type == EsqlType.IP) {
            v = EsqlValues.sortedSet(elems);
        } else {
            v = EsqlValues.sorted(elems);
        }
        if (v != null) {
            row.put(field, v);
        }
    }

    /** Dotted paths to scalar values; arrays (of objects too) contribute every element. */
    static void flatten(String prefix, JsonNode n, Map<String, List<JsonNode>> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else if (n.isArray()) {
            n.forEach(x -> flatten(prefix, x, out));
        } else if (!n.isNull() && !prefix.isEmpty()) {
            out.computeIfAbsent(prefix, k -> new ArrayList<>()).add(n);
        }
    }

    private Table apply(EsqlCommand c, Table t) {
        if (c instanceof EsqlCommand.Where w) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> r : t.rows()) {
                Optional<FullText.Source> doc = Optional.ofNullable(documents.get(r))
                        .map(d -> new FullText.Source(d, fieldNames, fieldTypes));
                if (eval.test(w.condition(), ExprEval.rowEnv(r, t.columns(), doc))) {
                    out.add(r);
                }
            }
            return t.withRows(out);
        }
        if (c instanceof EsqlCommand.Eval e) {
            return evalCmd(e, t);
        }
        if (c instanceof EsqlCommand.Stats s && !s.inline()) {
            return new Stats(eval).run(s, t);
        }
        if (c instanceof EsqlCommand.Keep k) {
            return Columns.keep(k.columns(), t);
        }
        if (c instanceof EsqlCommand.Drop d) {
            return Columns.drop(d.columns(), t);
        }
        if (c instanceof EsqlCommand.Rename r) {
            return Columns.rename(r.pairs(), t);
        }
        if (c instanceof EsqlCommand.Sort s) {
            return sort(s, t);
        }
        if (c instanceof EsqlCommand.Limit l) {
            Object n = eval.eval(l.value(), ExprEval.rowEnv(Map.of(), Map.of()));
            if (!(n instanceof Long lim)) {
                throw new NeedsClusterException("LIMIT " + l.value().text());
            }
            List<Map<String, Object>> rows = t.rows();
            return t.withRows(new ArrayList<>(rows.subList(0, (int) Math.min(lim, rows.size()))));
        }
        if (c instanceof EsqlCommand.MvExpand m) {
            return mvExpand(m, t);
        }
        throw new NeedsClusterException("the command " + c.name());
    }

    private Table evalCmd(EsqlCommand.Eval e, Table t) {
        LinkedHashMap<String, EsqlType> cols = new LinkedHashMap<>(t.columns());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : t.rows()) {
            rows.add(new HashMap<>(r));
        }
        for (EsqlCommand.Assign a : e.fields()) {
            String name = a.columnName();
            EsqlType type = EsqlType.NULL;
            for (Map<String, Object> r : rows) {
                Object v = eval.eval(a.expr(), ExprEval.rowEnv(r, cols));
                if (v == null) {
                    r.remove(name);
                } else {
                    r.put(name, v);
                    if (type == EsqlType.NULL) {
                        type = EsqlValues.typeOf(v);
                    }
                }
            }
            cols.remove(name);
            cols.put(name, type);
        }
        return new Table(cols, rows);
    }

    private Table sort(EsqlCommand.Sort s, Table t) {
        Comparator<Map<String, Object>> cmp = (a, b) -> 0;
        for (EsqlCommand.Order o : s.orders()) {
            boolean desc = o.descending();
            boolean nullsFirst = o.nullsFirst().orElse(desc);
            Comparator<Map<String, Object>> one = (a, b) -> {
                Object x = key(o.expr(), a, t, desc);
                Object y = key(o.expr(), b, t, desc);
                if (x == null || y == null) {
                    if (x == y) {
                        return 0;
                    }
                    return (x == null) == nullsFirst ? -1 : 1;
                }
                int r = EsqlValues.compare(x, y);
                return desc ? -r : r;
            };
            cmp = cmp.thenComparing(one);
        }
        List<Map<String, Object>> rows = new ArrayList<>(t.rows());
        rows.sort(cmp);
        return t.withRows(rows);
    }

    private Object key(EsqlExpr e, Map<String, Object> row, Table t, boolean desc) {
        Object v = eval.eval(e, ExprEval.rowEnv(row, t.columns()));
        if (v instanceof List<?> l) {
            Optional<?> m = desc ? l.stream().max(EsqlValues::compare) : l.stream().min(EsqlValues::compare);
            return m.orElse(null);
        }
        return v;
    }

    private Table mvExpand(EsqlCommand.MvExpand m, Table t) {
        String col = m.column().pattern();
        if (!t.columns().containsKey(col)) {
            throw new EsqlRuntimeException("Unknown column [" + col + "]");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : t.rows()) {
            Object v = r.get(col);
            if (!(v instanceof List<?> l)) {
                out.add(r);
                continue;
            }
            for (Object x : l) {
                Map<String, Object> copy = new HashMap<>(r);
                copy.put(col, x);
                out.add(copy);
            }
        }
        return t.withRows(out);
    }
}
