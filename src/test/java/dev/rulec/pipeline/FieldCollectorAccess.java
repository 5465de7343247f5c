package dev.rulec.pipeline;

import dev.rulec.ir.Expr;

import java.util.Set;

/** Test access to {@link FieldCollector} from other packages. */
public final class FieldCollectorAccess {
    private FieldCollectorAccess() {
    }

    public static Set<String> fields(Expr e) {
        return FieldCollector.of(e);
    }
}
