package dev.rulec.target;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.Expr;

import java.util.Optional;

/**
 * Renders the IR into one query language. A construct the target cannot express faithfully is reported
 * as an error in {@code diags} and the result is empty — never an approximation.
 */
public interface Renderer {
    Target target();

    /** The complete query text: for ES|QL a whole {@code FROM … | WHERE …} query, otherwise a boolean query. */
    Optional<String> render(Expr expr, RenderContext ctx, Diagnostics diags);

    /**
     * The query with the Query DSL filters that complete it, for a query rule; targets that express every construct
     * they accept in the query itself return no filters.
     */
    default Optional<RenderedQuery> renderWithFilters(Expr expr, RenderContext ctx, Diagnostics diags) {
        return render(expr, ctx, diags).map(RenderedQuery::of);
    }
}
