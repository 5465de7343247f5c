package dev.rulec.target.lucene;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.Expr;
import dev.rulec.target.RenderContext;
import dev.rulec.target.Renderer;
import dev.rulec.target.Target;

import java.util.Optional;

/**
 * Renders the IR as a Lucene {@code query_string} query (Kibana's {@code language: lucene}).
 *
 * <p>Semantics kept, and how:
 * <ul>
 *   <li>Every query_string operator character and whitespace in values and field names is backslash-escaped;
 *       the words {@code AND OR NOT TO} are escaped; the empty string is {@code ""}.</li>
 *   <li>Case-insensitivity: query_string has no case-insensitive option and keyword fields compare exactly, so a
 *       case-insensitive value with letters becomes a regexp with one class per letter ({@code /[aA][bB].*&#47;}),
 *       exact also for wildcards; values without letters stay plain terms.</li>
 *   <li>Compound terms are always parenthesized and negations are written {@code (NOT x)}, so Lucene's
 *       MUST/SHOULD/MUST_NOT reading of mixed operators never applies; a negation alone matches the documents that
 *       lack the field, as in Sigma.</li>
 *   <li>Ranges use {@code [a TO b]}/{@code {a TO b}}; numeric bounds on fields known to be keywords are refused
 *       (Lucene would compare them as text). CIDR blocks are quoted ({@code "2001:db8::/32"}) and need an ip field.</li>
 *   <li>Keys of a {@code flattened} field ({@link FlattenedKeys}): whole values and trailing-{@code *} prefixes only,
 *       case-insensitivity as the list of every spelling; other wildcards, regexps, ranges and CIDR blocks are
 *       errors.</li>
 *   <li>Field references and nested queries cannot be expressed and are errors.</li>
 * </ul>
 */
public final class LuceneRenderer implements Renderer {

    @Override
    public Target target() {
        return Target.LUCENE;
    }

    @Override
    public Optional<String> render(Expr expr, RenderContext ctx, Diagnostics diags) {
        return query(expr, ctx, diags, "lucene.untranslatable", "Lucene");
    }

    /**
     * The query_string text of a tree (for ES|QL: one predicate on a key of a flattened field, run by {@code QSTR}),
     * with errors under {@code code} naming {@code language}.
     */
    public static Optional<String> query(Expr expr, RenderContext ctx, Diagnostics diags, String code, String language) {
        LuceneExprWriter w = new LuceneExprWriter(ctx, diags, code, language);
        String s = expr.accept(w);
        return w.failed() ? Optional.empty() : Optional.of(s);
    }
}
