package dev.rulec.lang.esql;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One command of an ES|QL query, source or processing. */
public sealed interface EsqlCommand {

    Loc loc();

    /** The command's name as ES|QL spells it ({@code FROM}, {@code INLINE STATS}…). */
    String name();

    /** {@code name = expression}, or a bare expression whose column is named by its text. */
    record Assign(Loc loc, Optional<String> name, EsqlExpr expr) {
        public String columnName() {
            return name.orElse(expr.text());
        }
    }

    /** A (possibly wildcarded) column name in KEEP, DROP, RENAME, MV_EXPAND, METADATA, ENRICH, LOOKUP JOIN. */
    record NamePattern(Loc loc, String pattern) {
        public boolean isWildcard() {
            return pattern.indexOf('*') >= 0;
        }
    }

    record From(Loc loc, List<String> indices, List<NamePattern> metadata) implements EsqlCommand {
        public String name() {
            return "FROM";
        }
    }

    record Row(Loc loc, List<Assign> fields) implements EsqlCommand {
        public String name() {
            return "ROW";
        }
    }

    record Show(Loc loc, String what) implements EsqlCommand {
        public String name() {
            return "SHOW";
        }
    }

    record Where(Loc loc, EsqlExpr condition) implements EsqlCommand {
        public String name() {
            return "WHERE";
        }
    }

    record Eval(Loc loc, List<Assign> fields) implements EsqlCommand {
        public String name() {
            return "EVAL";
        }
    }

    /** An aggregate with an optional per-aggregate filter: {@code c = COUNT(*) WHERE x > 1}. */
    record Aggregate(Assign value, Optional<EsqlExpr> filter) {
    }

    /** {@code STATS} or ({@code inline}) {@code INLINE STATS}. */
    record Stats(Loc loc, List<Aggregate> aggregates, List<Assign> groups, boolean inline) implements EsqlCommand {
        public String name() {
            return inline ? "INLINE STATS" : "STATS";
        }
    }

    record Order(EsqlExpr expr, boolean descending, Optional<Boolean> nullsFirst) {
    }

    record Sort(Loc loc, List<Order> orders) implements EsqlCommand {
        public String name() {
            return "SORT";
        }
    }

    record Limit(Loc loc, EsqlExpr value) implements EsqlCommand {
        public String name() {
            return "LIMIT";
        }
    }

    record Keep(Loc loc, List<NamePattern> columns) implements EsqlCommand {
        public String name() {
            return "KEEP";
        }
    }

    record Drop(Loc loc, List<NamePattern> columns) implements EsqlCommand {
        public String name() {
            return "DROP";
        }
    }

    record RenamePair(NamePattern oldName, NamePattern newName) {
    }

    record Rename(Loc loc, List<RenamePair> pairs) implements EsqlCommand {
        public String name() {
            return "RENAME";
        }
    }

    record MvExpand(Loc loc, NamePattern column) implements EsqlCommand {
        public String name() {
            return "MV_EXPAND";
        }
    }

    record Dissect(Loc loc, EsqlExpr input, String pattern, Map<String, EsqlExpr> options) implements EsqlCommand {
        public String name() {
            return "DISSECT";
        }
    }

    record Grok(Loc loc, EsqlExpr input, List<String> patterns) implements EsqlCommand {
        public String name() {
            return "GROK";
        }
    }

    record EnrichPair(Optional<NamePattern> newName, NamePattern field) {
    }

    record Enrich(Loc loc, String policy, Optional<NamePattern> on, List<EnrichPair> with) implements EsqlCommand {
        public String name() {
            return "ENRICH";
        }
    }

    record LookupJoin(Loc loc, String index, List<NamePattern> on) implements EsqlCommand {
        public String name() {
            return "LOOKUP JOIN";
        }
    }

    /** {@code optionsMap}: where a {@code WITH {…}} options map starts (later releases' form), if used. */
    record Completion(Loc loc, Optional<String> target, EsqlExpr prompt, Optional<Loc> optionsMap) implements EsqlCommand {
        public String name() {
            return "COMPLETION";
        }
    }

    /** Commands rulec parses but does not analyse ({@code SAMPLE}, {@code CHANGE_POINT}). */
    record Other(Loc loc, String name) implements EsqlCommand {
    }
}
