package dev.rulec.ruletest.esql;

import dev.rulec.lang.esql.EsqlCommand;
import dev.rulec.lang.esql.EsqlExpr;
import dev.rulec.lang.esql.EsqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code STATS aggregates BY groups}: one row per distinct group key (a multi-valued key puts the row in the group of
 * each of its values; a null key is a group of its own). Columns: the aggregates, then the groups.
 */
final class Stats {
    private final ExprEval eval;

    Stats(ExprEval eval) {
        this.eval = eval;
    }

    Table run(EsqlCommand.Stats s, Table t) {
        List<EsqlCommand.Assign> groups = s.groups();
        LinkedHashMap<List<Object>, List<Map<String, Object>>> buckets = new LinkedHashMap<>();
        for (Map<String, Object> r : t.rows()) {
            List<List<Object>> keys = new ArrayList<>();
            keys.add(new ArrayList<>());
            for (EsqlCommand.Assign g : groups) {
                Object v = eval.eval(g.expr(), ExprEval.rowEnv(r, t.columns()));
                List<Object> vs = v == null ? Arrays.asList((Object) null) : EsqlValues.elements(v);
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> k : keys) {
                    for (Object x : vs) {
                        List<Object> nk = new ArrayList<>(k);
                        nk.add(x);
                        next.add(nk);
                    }
                }
                keys = next;
            }
            for (List<Object> k : keys) {
                buckets.computeIfAbsent(new Key(k).asList(), x -> new ArrayList<>()).add(r);
            }
        }
        if (groups.isEmpty() && buckets.isEmpty()) {
            buckets.put(List.of(), new ArrayList<>());
        }
        java.util.Set<String> groupNames = new java.util.HashSet<>();
        groups.forEach(g -> groupNames.add(g.columnName()));
        LinkedHashMap<String, EsqlType> cols = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Map<String, Object>>> b : buckets.entrySet()) {
            Map<String, Object> groupRow = new HashMap<>();
            for (int i = 0; i < groups.size(); i++) {
                Object v = b.getKey().get(i);
                if (v != null) {
                    groupRow.put(groups.get(i).columnName(), Key.unwrap(v));
                }
            }
            Map<String, Object> row = new HashMap<>();
            for (EsqlCommand.Aggregate a : s.aggregates()) {
                List<Map<String, Object>> rows = b.getValue();
                if (a.filter().isPresent()) {
                    List<Map<String, Object>> kept = new ArrayList<>();
                    for (Map<String, Object> r : rows) {
                        if (eval.test(a.filter().get(), ExprEval.rowEnv(r, t.columns()))) {
                            kept.add(r);
                        }
                    }
                    rows = kept;
                }
                Object v = eval.eval(a.value().expr(), aggEnv(rows, groupRow, t, groupNames));
                String name = a.value().columnName();
                if (v != null) {
                    row.put(name, v);
                }
                cols.merge(name, EsqlValues.typeOf(v), (x, y) -> x == EsqlType.NULL ? y : x);
            }
            row.putAll(groupRow);
            out.add(row);
        }
        for (EsqlCommand.Aggregate a : s.aggregates()) {
            cols.putIfAbsent(a.value().columnName(), EsqlType.NULL);
        }
        for (EsqlCommand.Assign g : groups) {
            cols.remove(g.columnName());
            cols.put(g.columnName(), g.expr() instanceof EsqlExpr.Column c
                    ? t.columns().getOrDefault(c.name(), EsqlType.KEYWORD) : EsqlType.KEYWORD);
        }
        return new Table(cols, out);
    }

    private ExprEval.Env aggEnv(List<Map<String, Object>> rows, Map<String, Object> groupRow, Table t,
                               java.util.Set<String> groupNames) {
        return new ExprEval.Env() {
            public Object column(String name) {
                if (!groupNames.contains(name)) {
                    throw new EsqlRuntimeException("column [" + name + "] must appear in the BY clause or in an aggregate");
                }
                return groupRow.get(name);
            }

            public Optional<Object> aggregate(EsqlExpr.Call call) {
                if (!Aggregates.isAggregate(call)) {
                    return Optional.empty();
                }
                Object v = Aggregates.compute(call, rows.size(), arg -> {
                    List<Object> vals = new ArrayList<>();
                    for (Map<String, Object> r : rows) {
                        vals.addAll(EsqlValues.elements(eval.eval(arg, ExprEval.rowEnv(r, t.columns()))));
                    }
                    return vals;
                });
                return Optional.of(v == null ? ExprEval.NULL_RESULT : v);
            }
        };
    }

    /** Group keys compare by value (Double 1.0 and Long 1 are different groups, as typed columns are). */
    private record Key(List<Object> parts) {
        List<Object> asList() {
            List<Object> l = new ArrayList<>();
            for (Object p : parts) {
                l.add(p == null ? null : new Wrapped(p));
            }
            return l;
        }

        static Object unwrap(Object v) {
            return v instanceof Wrapped w ? w.v : v;
        }
    }

    private record Wrapped(Object v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Wrapped w && w.v.getClass() == v.getClass() && EsqlValues.compare(v, w.v) == 0;
        }

        @Override
        public int hashCode() {
            return v instanceof java.net.InetAddress ip ? Arrays.hashCode(EsqlValues.v6(ip.getAddress())) : v.hashCode();
        }
    }
}
