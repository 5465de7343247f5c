package dev.rulec.lang.esql;

import dev.rulec.ir.match.Glob;

import dev.rulec.lang.esql.EsqlCommand.*;
import dev.rulec.lang.esql.EsqlExpr.Call;
import dev.rulec.lang.esql.EsqlExpr.Column;
import dev.rulec.lang.esql.EsqlProblem.Kind;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.schema.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a parsed ES|QL query the way Elasticsearch 8.19 would, command by command, carrying column types through
 * EVAL, STATS, RENAME, KEEP and DROP; then the detection engine's requirements. Like Elasticsearch, it reports the
 * problems of the first command that has any.
 */
public final class EsqlAnalyzer {

    private static final List<String> DETECTION_METADATA = List.of("_id", "_index", "_version");

    private final Function<List<String>, Optional<Schema>> schemaFor;

    /** @param schemaFor the schema of the indices a FROM names; empty when unknown (then no column is reported) */
    public EsqlAnalyzer(Function<List<String>, Optional<Schema>> schemaFor) {
        this.schemaFor = schemaFor;
    }

    /** The built-in schemas, chosen by index pattern. */
    public static EsqlAnalyzer withBuiltinSchemas() {
        return new EsqlAnalyzer(indices -> Optional.of(Schema.forIndexPatterns(indices)));
    }

    /**
     * The built-in schemas only where they know every field of the indices read (bundled data streams); elsewhere columns
     * are not checked. The mode for linting rules whose integrations rulec has no table for.
     */
    public static EsqlAnalyzer withBuiltinSchemasWhereKnown() {
        return new EsqlAnalyzer(Schema::bundledFor);
    }

    /** Parse and analyse: the syntax problem, or the analysis problems; empty when the query is valid. */
    public List<EsqlProblem> check(String text) {
        EsqlParser.Result r = EsqlParser.parse(text);
        return r.query().map(this::analyze).orElse(r.problems());
    }

    /**
     * Check a rule's query and report each problem as a diagnostic placed in the rule file, where the query text starts
     * at {@code queryStart}.
     */
    public void report(String text, SourcePos queryStart, Diagnostics out) {
        for (EsqlProblem p : check(text)) {
            out.add(p.toDiagnostic(queryStart, switch (p.kind()) {
                case PARSING -> "Elasticsearch 8.19 would refuse to parse this query";
                case VERIFICATION -> "Elasticsearch 8.19 would refuse this query; check names and types against the schema";
                case DETECTION -> "";
            }));
        }
    }

    public List<EsqlProblem> analyze(EsqlQuery query) {
        List<EsqlProblem> problems = new ArrayList<>(ParseChecks.check(query));
        if (!problems.isEmpty()) {
            return problems;
        }
        Columns cols = Columns.of(new LinkedHashMap<>());
        boolean aggregated = false;
        for (EsqlCommand c : query.commands()) {
            cols = command(c, cols, problems);
            if (!problems.isEmpty()) {
                return problems;
            }
            aggregated |= c instanceof Stats s && !s.inline();
        }
        FullTextPlacement.check(query, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        detection(query, cols, aggregated, problems);
        return problems;
    }

    private Columns command(EsqlCommand c, Columns cols, List<EsqlProblem> problems) {
        if (c instanceof From f) {
            Set<String> meta = new LinkedHashSet<>();
            f.metadata().forEach(m -> meta.add(m.pattern()));
            return Columns.fromSchema(schemaFor.apply(f.indices()), meta);
        }
        if (c instanceof Row r) {
            Columns out = Columns.of(new LinkedHashMap<>());
            for (Assign a : r.fields()) {
                out = out.with(a.columnName(), new ExprChecker(out, problems, false).type(a.expr()));
            }
            return out;
        }
        if (c instanceof Show) {
            return Columns.of(new LinkedHashMap<>()).opened();
        }
        if (c instanceof Where w) {
            EsqlType t = new ExprChecker(cols, problems, false).type(w.condition());
            if (problems.isEmpty() && !t.isOpen() && t != EsqlType.BOOLEAN) {
                add(problems, Kind.VERIFICATION, w.condition().loc(),
                        "Condition expression needs to be boolean, found [" + t.name() + "]");
            }
            return cols;
        }
        if (c instanceof Eval e) {
            Columns out = cols;
            for (Assign a : e.fields()) {
                out = out.with(a.columnName(), new ExprChecker(out, problems, false).type(a.expr()));
            }
            return out;
        }
        if (c instanceof Stats s) {
            return stats(s, cols, problems);
        }
        if (c instanceof Sort s) {
            ExprChecker x = new ExprChecker(cols, problems, false);
            s.orders().forEach(o -> x.type(o.expr()));
            return cols;
        }
        if (c instanceof Limit) {
            return cols;
        }
        if (c instanceof Keep k) {
            List<String> kept = new ArrayList<>();
            for (NamePattern p : k.columns()) {
                List<String> matches = resolve(p, cols, problems);
                kept.removeAll(matches);
                kept.addAll(matches);
            }
            return cols.isOpen() ? cols.only(kept).opened() : cols.only(kept);
        }
        if (c instanceof Drop d) {
            Columns out = cols;
            for (NamePattern p : d.columns()) {
                for (String n : resolve(p, cols, problems)) {
                    out = out.without(n);
                }
            }
            return out;
        }
        if (c instanceof Rename r) {
            Columns out = cols;
            for (RenamePair p : r.pairs()) {
                Optional<EsqlType> t = out.type(p.oldName().pattern());
                if (t.isEmpty() && !out.isOpen()) {
                    add(problems, Kind.VERIFICATION, p.oldName().loc(), "Unknown column [" + p.oldName().pattern() + "]");
                    continue;
                }
                out = out.without(p.oldName().pattern()).with(p.newName().pattern(), t.orElse(EsqlType.UNKNOWN));
            }
            return out;
        }
        if (c instanceof MvExpand m) {
            if (cols.type(m.column().pattern()).isEmpty() && !cols.isOpen()) {
                add(problems, Kind.VERIFICATION, m.column().loc(), "Unknown column [" + m.column().pattern() + "]");
            }
            return cols;
        }
        if (c instanceof Dissect d) {
            EsqlType t = new ExprChecker(cols, problems, false).type(d.input());
            if (problems.isEmpty() && !t.isOpen() && !t.isString()) {
                add(problems, Kind.VERIFICATION, d.input().loc(), "Dissect only supports KEYWORD or TEXT values, found expression ["
                        + d.input().text() + "] type [" + t.name() + "]");
            }
            Columns out = cols;
            for (String key : dissectKeys(d.pattern())) {
                out = out.with(key, EsqlType.KEYWORD);
            }
            return out;
        }
        if (c instanceof Grok g) {
            EsqlType t = new ExprChecker(cols, problems, false).type(g.input());
            if (problems.isEmpty() && !t.isOpen() && !t.isString()) {
                add(problems, Kind.VERIFICATION, g.input().loc(), "Grok only supports KEYWORD or TEXT values, found expression ["
                        + g.input().text() + "] type [" + t.name() + "]");
            }
            Columns out = cols;
            for (String pattern : g.patterns()) {
                Matcher m = GROK_CAPTURE.matcher(pattern);
                while (m.find()) {
                    out = out.with(m.group(1), grokType(m.group(2)));
                }
                Matcher named = NAMED_GROUP.matcher(pattern);
                while (named.find()) {
                    out = out.with(named.group(1), EsqlType.KEYWORD);
                }
            }
            return out;
        }
        if (c instanceof Enrich || c instanceof LookupJoin) {
            return cols.opened();
        }
        if (c instanceof Completion comp) {
            return cols.with(comp.target().orElse("completion"), EsqlType.KEYWORD);
        }
        return cols.opened();
    }

    private Columns stats(Stats s, Columns cols, List<EsqlProblem> problems) {
        if (s.inline()) {
            return inlineStats(s, cols, problems);
        }
        LinkedHashMap<String, EsqlType> out = new LinkedHashMap<>();
        Set<String> groupNames = new LinkedHashSet<>();
        LinkedHashMap<String, EsqlType> groups = new LinkedHashMap<>();
        for (Assign g : s.groups()) {
            EsqlType t = new ExprChecker(cols, problems, false).type(g.expr());
            groups.put(g.columnName(), t);
            groupNames.add(g.columnName());
        }
        for (Aggregate a : s.aggregates()) {
            ExprChecker x = new ExprChecker(cols, problems, true);
            EsqlType t = x.type(a.value().expr());
            a.filter().ifPresent(x::type);
            if (problems.isEmpty()) {
                ungrouped(a.value().expr(), groupNames, problems);
            }
            out.put(a.value().columnName(), t);
        }
        for (var g : groups.entrySet()) {
            out.remove(g.getKey());
            out.put(g.getKey(), g.getValue());
        }
        Columns result = Columns.of(out);
        return cols.isOpen() ? result.opened() : result;
    }

    /** INLINE STATS (later releases): the aggregates are added to every row; all columns stay. */
    private Columns inlineStats(Stats s, Columns cols, List<EsqlProblem> problems) {
        Columns out = cols;
        for (Aggregate a : s.aggregates()) {
            ExprChecker x = new ExprChecker(cols, problems, true);
            out = out.with(a.value().columnName(), x.type(a.value().expr()));
            a.filter().ifPresent(x::type);
        }
        return out;
    }

    /** A column used in STATS outside any aggregate must be one of the BY groups. */
    private void ungrouped(EsqlExpr e, Set<String> groups, List<EsqlProblem> problems) {
        if (groups.contains(e.text())) {
            return;
        }
        if (e instanceof Column c) {
            if (!groups.contains(c.name())) {
                add(problems, Kind.VERIFICATION, c.loc(), "column [" + c.name()
                        + "] must appear in the STATS BY clause or be used in an aggregate function");
            }
            return;
        }
        if (e instanceof Call call && EsqlFunctions.lookup(call.name()).map(EsqlFunctions.Function::aggregate).orElse(false)) {
            return;
        }
        EsqlTrees.children(e).forEach(ch -> ungrouped(ch, groups, problems));
    }

    /** The columns a KEEP or DROP pattern names; an unknown name or a pattern matching nothing is a problem. */
    private static List<String> resolve(NamePattern p, Columns cols, List<EsqlProblem> problems) {
        if (!p.isWildcard()) {
            if (cols.type(p.pattern()).isEmpty() && !cols.isOpen()) {
                add(problems, Kind.VERIFICATION, p.loc(), "Unknown column [" + p.pattern() + "]");
                return List.of();
            }
            return List.of(p.pattern());
        }
        List<String> out = cols.names().stream().filter(n -> Glob.matches(p.pattern(), n)).toList();
        if (out.isEmpty() && !cols.isOpen()) {
            add(problems, Kind.VERIFICATION, p.loc(), "No matches found for pattern [" + p.pattern() + "]");
        }
        return out;
    }

    private static void detection(EsqlQuery q, Columns cols, boolean aggregated, List<EsqlProblem> problems) {
        if (aggregated || !(q.source() instanceof From from)) {
            return;
        }
        Set<String> meta = new LinkedHashSet<>();
        from.metadata().forEach(m -> meta.add(m.pattern()));
        List<String> missing = DETECTION_METADATA.stream().filter(m -> !meta.contains(m)).toList();
        if (!missing.isEmpty()) {
            add(problems, Kind.DETECTION, from.loc(), "a non-aggregating rule query must read " + String.join(", ", missing)
                    + " with METADATA, so that alerts can be de-duplicated (add `METADATA _id, _index, _version`)");
            return;
        }
        for (String m : DETECTION_METADATA) {
            if (cols.type(m).isEmpty() && !cols.isOpen()) {
                add(problems, Kind.DETECTION, from.loc(), "the query drops [" + m
                        + "] before its end; a non-aggregating rule query must keep _id, _index and _version");
                return;
            }
        }
    }

    private static final Pattern DISSECT_KEY = Pattern.compile("%\\{([+?*&]?)([^}/]*)(?:/\\d+)?(?:->)?}");
    private static final Pattern GROK_CAPTURE = Pattern.compile("%\\{[A-Za-z0-9_]+:([A-Za-z0-9_.@\\[\\]]+)(?::(\\w+))?}");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9_.]*)>");

    private static List<String> dissectKeys(String pattern) {
        List<String> keys = new ArrayList<>();
        Matcher m = DISSECT_KEY.matcher(pattern);
        while (m.find()) {
            String mod = m.group(1);
            String key = m.group(2).replace("->", "");
            if (!key.isEmpty() && !mod.equals("?") && !mod.equals("*") && !mod.equals("&") && !keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static EsqlType grokType(String suffix) {
        if (suffix == null) {
            return EsqlType.KEYWORD;
        }
        return switch (suffix) {
            case "int" -> EsqlType.INTEGER;
            case "long" -> EsqlType.LONG;
            case "float", "double" -> EsqlType.DOUBLE;
            case "boolean" -> EsqlType.BOOLEAN;
            default -> EsqlType.KEYWORD;
        };
    }

    private static void add(List<EsqlProblem> problems, Kind kind, Loc loc, String message) {
        problems.add(new EsqlProblem(kind, loc.line(), loc.column(), message));
    }
}
