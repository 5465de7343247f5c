package dev.rulec.ruletest.esql;

import dev.rulec.lang.esql.EsqlCommand;
import dev.rulec.lang.esql.EsqlType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** KEEP, DROP and RENAME over (possibly wildcarded) column names. */
final class Columns {
    private Columns() {
    }

    private static boolean matches(String pattern, String name) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(name);
        }
        return Patterns.like(pattern.replace("\\", "\\\\").replace("?", "\\?")).matcher(name).matches();
    }

    static Table keep(List<EsqlCommand.NamePattern> patterns, Table t) {
        LinkedHashMap<String, EsqlType> cols = new LinkedHashMap<>();
        for (EsqlCommand.NamePattern p : patterns) {
            boolean any = false;
            for (Map.Entry<String, EsqlType> c : t.columns().entrySet()) {
                if (matches(p.pattern(), c.getKey())) {
                    any = true;
                    if (!p.isWildcard()) {
                        cols.remove(c.getKey());
                    }
                    cols.putIfAbsent(c.getKey(), c.getValue());
                }
            }
            if (!any && !p.isWildcard()) {
                throw new EsqlRuntimeException("Unknown column [" + p.pattern() + "]");
            }
        }
        return project(cols, t);
    }

    static Table drop(List<EsqlCommand.NamePattern> patterns, Table t) {
        LinkedHashMap<String, EsqlType> cols = new LinkedHashMap<>(t.columns());
        for (EsqlCommand.NamePattern p : patterns) {
            boolean any = cols.keySet().removeIf(c -> matches(p.pattern(), c));
            if (!any && !p.isWildcard()) {
                throw new EsqlRuntimeException("Unknown column [" + p.pattern() + "]");
            }
        }
        return project(cols, t);
    }

    static Table rename(List<EsqlCommand.RenamePair> pairs, Table t) {
        LinkedHashMap<String, EsqlType> cols = new LinkedHashMap<>(t.columns());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : t.rows()) {
            rows.add(new HashMap<>(r));
        }
        for (EsqlCommand.RenamePair p : pairs) {
            String from = p.oldName().pattern();
            String to = p.newName().pattern();
            if (p.oldName().isWildcard() || p.newName().isWildcard()) {
                throw new NeedsClusterException("RENAME with wildcards");
            }
            if (!cols.containsKey(from)) {
                throw new EsqlRuntimeException("Unknown column [" + from + "]");
            }
            LinkedHashMap<String, EsqlType> next = new LinkedHashMap<>();
            for (Map.Entry<String, EsqlType> c : cols.entrySet()) {
                if (c.getKey().equals(from)) {
                    next.put(to, c.getValue());
                } else if (!c.getKey().equals(to)) {
                    next.put(c.getKey(), c.getValue());
                }
            }
            cols = next;
            for (Map<String, Object> r : rows) {
                Object v = r.remove(from);
                r.remove(to);
                if (v != null) {
                    r.put(to, v);
                }
            }
        }
        return new Table(cols, rows);
    }

    private static Table project(LinkedHashMap<String, EsqlType> cols, Table t) {
        return new Table(cols, t.rows());
    }

}
