package dev.rulec.testsupport;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.Expr;
import dev.rulec.target.RenderContext;
import dev.rulec.target.Renderer;
import dev.rulec.target.Target;

import java.util.Optional;

/** A test-only renderer: the IR's record text, labelled with a target, so front-ends can be tested without one. */
public record DebugRenderer(Target target) implements Renderer {
    @Override
    public Optional<String> render(Expr expr, RenderContext ctx, Diagnostics diags) {
        String body = expr.toString();
        return Optional.of(target == Target.ESQL
                ? "FROM " + String.join(", ", ctx.indices()) + " | WHERE " + body : body);
    }
}
