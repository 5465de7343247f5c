package dev.rulec.target.esql;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.Expr;
import dev.rulec.target.RenderContext;
import dev.rulec.target.Renderer;
import dev.rulec.target.Target;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders the IR as a whole ES|QL query: {@code FROM <indices> METADATA _id, _index, _version | WHERE <condition>}.
 *
 * <p>Semantics kept, and how:
 * <ul>
 *   <li>Case-insensitive string matches compare {@code TO_LOWER(field)} with the lower-cased literal (ES|QL has no
 *       {@code =~}); {@code CaseMode.SENSITIVE} compares exactly. Wildcards become {@code LIKE} patterns.</li>
 *   <li>Two-valued logic: predicates under {@code NOT} are wrapped in {@code COALESCE(…, FALSE)}, so a Sigma
 *       {@code not filter} keeps events that lack the field.</li>
 *   <li>Regular expressions become {@code RLIKE} through {@link dev.rulec.target.regex.LuceneRegex}; CIDR blocks
 *       {@code CIDR_MATCH} (through {@code TO_IP} for non-ip fields); field references compare two columns;
 *       field-less keywords run as {@code QSTR} with the Lucene renderer's query (case-insensitivity as
 *       {@code [aA]} regexp classes).</li>
 *   <li>Keys of a {@code flattened} field are no ES|QL columns: a predicate on one runs as {@code QSTR} with the
 *       Lucene target's query_string text for it ({@link dev.rulec.target.lucene.FlattenedKeys}: every spelling of a
 *       case-insensitive value), which Elasticsearch 8.19 accepts in the WHERE after FROM, under AND, OR and NOT.
 *       What query_string cannot match exactly on such a key (inner wildcards, regexps, ranges) is an error.</li>
 *   <li>Multi-valued fields: an ES|QL comparison on a multi-valued field is {@code null} (with a warning), so such a
 *       predicate never matches and, under a negation, counts as not matching (the event is kept). Sigma would test each
 *       value. ES|QL 8.19 has no per-value test ({@code MV_CONTAINS} is newer), so this is a documented difference; only
 *       {@code Exists}, a match-all {@code *} and keyword searches ({@code QSTR}) see every value.</li>
 *   <li>Numeric comparisons on keyword (or unmapped-type) fields convert with {@code TO_DOUBLE}; values that are not
 *       numbers then do not match, as in the matcher.</li>
 *   <li>Nested queries cannot be expressed and are reported as errors.</li>
 * </ul>
 */
public final class EsqlRenderer implements Renderer {

    @Override
    public Target target() {
        return Target.ESQL;
    }

    @Override
    public Optional<String> render(Expr expr, RenderContext ctx, Diagnostics diags) {
        Optional<String> where = condition(expr, ctx, diags, true);
        if (ctx.indices().isEmpty()) {
            diags.error("esql.no-index", ctx.pos(), "rule [" + ctx.ruleName() + "]: no index pattern to query in FROM",
                    "give the rule an index pattern, or choose a pipeline that sets one");
            return Optional.empty();
        }
        String from = ctx.indices().stream().map(EsqlQuoting::index).collect(Collectors.joining(", "));
        return where.map(w -> "FROM " + from + " METADATA _id, _index, _version\n| WHERE " + w);
    }

    /**
     * Only the condition, for callers that build the rest of the query (correlations): it stands in an EVAL, where
     * ES|QL does not run {@code QSTR}, so keyword searches and keys of flattened fields are errors here.
     */
    public Optional<String> condition(Expr expr, RenderContext ctx, Diagnostics diags) {
        return condition(expr, ctx, diags, false);
    }

    /** The condition, for a WHERE right after FROM ({@code inWhere}) or for another place. */
    static Optional<String> condition(Expr expr, RenderContext ctx, Diagnostics diags, boolean inWhere) {
        EsqlExprWriter w = new EsqlExprWriter(ctx, diags, false, inWhere);
        String s = expr.accept(w);
        return w.failed() ? Optional.empty() : Optional.of(s);
    }
}
