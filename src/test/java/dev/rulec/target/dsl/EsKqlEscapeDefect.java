package dev.rulec.target.dsl;

import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprRewriter;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;

/**
 * A model of a defect of Elasticsearch 8.19.21's {@code kql} query, checked on the node: an unquoted wildcard value
 * with an escaped character ({@code f:a\:b*}) matches nothing, not even {@code a:b}. The differential test counts a
 * disagreement of that query as explained only when the matcher, run on this model, agrees with the node exactly.
 */
final class EsKqlEscapeDefect extends ExprRewriter {

    /** Characters KQL must escape in unquoted values. */
    private static final String ESCAPED = "\\():<>\"{}";

    static Expr model(Expr e) {
        return e.accept(new EsKqlEscapeDefect());
    }

    static boolean affects(Expr e) {
        return !model(e).equals(e);
    }

    @Override
    public Expr visitMatch(Expr.Match e) {
        if (e.value() instanceof Literal.Str s && s.pattern().hasWildcards() && s.pattern().parts().stream()
                .anyMatch(p -> p instanceof Pattern.Text t && t.text().chars().anyMatch(c -> ESCAPED.indexOf(c) >= 0))) {
            return new Expr.Const(false);
        }
        return e;
    }
}
