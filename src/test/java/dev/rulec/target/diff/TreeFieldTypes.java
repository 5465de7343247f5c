package dev.rulec.target.diff;

import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprWalker;
import dev.rulec.ir.Literal;
import dev.rulec.ir.gen.Assembler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The field types a test index needs for a tree (no schema: inferred from how the tree uses each field): numeric
 * comparisons → double, CIDR-only fields → ip, everything else keyword. Fields whose dotted name is a prefix of another
 * field's (an object and a leaf at once) are reported. {@code EsNode.createIndex} maps them.
 */
final class TreeFieldTypes extends ExprWalker {
    private final Map<String, String> types = new TreeMap<>();
    private final Map<String, Boolean> stringUse = new LinkedHashMap<>();

    static Map<String, String> of(Expr e) {
        TreeFieldTypes m = new TreeFieldTypes();
        e.accept(m);
        m.types.putIfAbsent(Assembler.KEYWORD_FIELD, "keyword");
        m.stringUse.forEach((f, s) -> {
            if (s && !"keyword".equals(m.types.get(f))) {
                m.types.put(f, "keyword");
            }
        });
        return m.types;
    }

    /**
     * The mapping with every key of a {@code flattened} field (by the pipeline's {@code types}) replaced by that
     * field, mapped {@code flattened}.
     */
    static Map<String, String> withFlattened(Map<String, String> types, Map<String, String> pipelineTypes) {
        Map<String, String> out = new TreeMap<>();
        types.forEach((f, t) -> {
            for (int i = f.indexOf('.'); i > 0; i = f.indexOf('.', i + 1)) {
                if ("flattened".equals(pipelineTypes.get(f.substring(0, i)))) {
                    out.put(f.substring(0, i), "flattened");
                    return;
                }
            }
            out.putIfAbsent(f, t);
        });
        return out;
    }

    /** A field that is both a leaf and the parent of another field, which no index can map. */
    static Optional<String> conflict(Map<String, String> types) {
        for (String f : types.keySet()) {
            for (String g : types.keySet()) {
                if (g.startsWith(f + ".")) {
                    return Optional.of(f + " / " + g);
                }
            }
        }
        return Optional.empty();
    }

    private void field(String f, String type, boolean stringy) {
        String prev = types.get(f);
        if (prev == null || prev.equals("keyword") && !stringy) {
            types.put(f, type);
        }
        if (stringy) {
            stringUse.put(f, true);
        }
    }

    @Override
    public Void visitMatch(Expr.Match e) {
        boolean plain = e.value() instanceof Literal.Str s && !s.pattern().hasWildcards();
        if (!types.containsKey(e.field())) {
            types.put(e.field(), "keyword");
        }
        if (!plain) {
            stringUse.put(e.field(), true);
        }
        return null;
    }

    @Override
    public Void visitExists(Expr.Exists e) {
        types.putIfAbsent(e.field(), "keyword");
        return null;
    }

    @Override
    public Void visitRange(Expr.Range e) {
        boolean numeric = e.lower().map(b -> b.value() instanceof Literal.Num).orElse(false)
                || e.upper().map(b -> b.value() instanceof Literal.Num).orElse(false);
        field(e.field(), numeric ? "double" : "keyword", !numeric);
        return null;
    }

    @Override
    public Void visitCidr(Expr.Cidr e) {
        field(e.field(), "ip", false);
        return null;
    }

    @Override
    public Void visitRegex(Expr.Regex e) {
        field(e.field(), "keyword", true);
        return null;
    }

    @Override
    public Void visitFieldRef(Expr.FieldRef e) {
        field(e.field(), "keyword", true);
        field(e.otherField(), "keyword", true);
        return null;
    }

}
