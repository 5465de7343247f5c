package dev.rulec.check;

import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprWalker;
import dev.rulec.ir.Literal;
import dev.rulec.schema.EsTypes;
import dev.rulec.schema.FieldInfo;
import dev.rulec.schema.Schema;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Comparisons a field's mapped type makes fail or never match on the cluster: a word against a number, a wildcard on
 * a non-string field, CIDR on a non-ip field, a regex on a non-string field, a value against an object. First problem
 * per field, keyed by field.
 */
final class TypeMismatches extends ExprWalker {
    private static final Set<String> NUMERIC = Set.of("long", "integer", "double", "unsigned_long");
    private static final Set<String> STRING = Set.of("keyword", "text");

    private final Schema schema;
    private final Map<String, String> problems = new LinkedHashMap<>();

    private TypeMismatches(Schema schema) {
        this.schema = schema;
    }

    static Map<String, String> of(Expr e, Schema schema) {
        TypeMismatches t = new TypeMismatches(schema);
        e.accept(t);
        return t.problems;
    }

    @Override
    public Void visitNested(Expr.Nested e) {
        // Names inside are relative to the nested path; FieldNames reports unknown ones with the full path.
        return null;
    }

    @Override
    public Void visitMatch(Expr.Match e) {
        Optional<FieldInfo> info = schema.field(e.field());
        if (info.isEmpty()) {
            return null;
        }
        String mapped = info.get().type();
        String family = EsTypes.esqlType(mapped);
        if (info.get().isContainer()) {
            return report(e.field(), "field [" + e.field() + "] is an [" + mapped + "], which holds other fields and "
                    + "has no value to compare");
        }
        if (e.value() instanceof Literal.Str s) {
            if (s.pattern().isMatchAll()) {
                return null;
            }
            if (s.pattern().hasWildcards() && !STRING.contains(family) && !mapped.equals("flattened")) {
                return report(e.field(), "field [" + e.field() + "] is [" + mapped + "]; a wildcard pattern [" + s.pattern()
                        + "] needs a keyword or text field, and Elasticsearch refuses it on this one");
            }
            Optional<String> text = s.pattern().literalText();
            if (text.isPresent() && NUMERIC.contains(family) && !isNumber(text.get())) {
                return report(e.field(), "field [" + e.field() + "] is [" + mapped + "], but the query compares it with ["
                        + text.get() + "], which is not a number");
            }
            if (text.isPresent() && family.equals("boolean") && !text.get().matches("(?i)true|false")) {
                return report(e.field(), "field [" + e.field() + "] is [boolean], but the query compares it with ["
                        + text.get() + "]");
            }
            if (text.isPresent() && family.equals("ip") && !looksLikeIp(text.get())) {
                return report(e.field(), "field [" + e.field() + "] is [ip], but the query compares it with ["
                        + text.get() + "], which is not an IP address or CIDR block");
            }
        } else if (e.value() instanceof Literal.Num && (family.equals("boolean") || family.equals("ip"))) {
            return report(e.field(), "field [" + e.field() + "] is [" + mapped + "], but the query compares it with a "
                    + "number");
        }
        return null;
    }

    @Override
    public Void visitCidr(Expr.Cidr e) {
        schema.field(e.field()).filter(i -> !EsTypes.esqlType(i.type()).equals("ip")).ifPresent(i -> report(e.field(),
                "field [" + e.field() + "] is [" + i.type() + "]; CIDR matching [" + e.cidr() + "] needs an [ip] field"));
        return null;
    }

    @Override
    public Void visitRegex(Expr.Regex e) {
        schema.field(e.field()).filter(i -> !STRING.contains(EsTypes.esqlType(i.type()))).ifPresent(i -> report(
                e.field(), "field [" + e.field() + "] is [" + i.type() + "]; a regular expression needs a keyword or "
                        + "text field"));
        return null;
    }

    @Override
    public Void visitRange(Expr.Range e) {
        schema.field(e.field()).filter(FieldInfo::isContainer).ifPresent(i -> report(e.field(), "field [" + e.field()
                + "] is an [" + i.type() + "], which holds other fields and has no value to compare"));
        return null;
    }

    private Void report(String field, String message) {
        problems.putIfAbsent(field, message);
        return null;
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** An IPv4 or IPv6 literal, optionally with a prefix length; judged by its characters, never resolved. */
    private static boolean looksLikeIp(String s) {
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?") || s.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/\\d{1,3})?");
    }
}
