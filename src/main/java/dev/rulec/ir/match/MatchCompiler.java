package dev.rulec.ir.match;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprVisitor;
import dev.rulec.ir.Literal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Compiles an {@link Expr} into a predicate over a JSON event, once: field paths split, patterns, regular
 * expressions and CIDR blocks parsed up front. Two-valued (Sigma) semantics: a predicate on an absent field is false.
 */
public final class MatchCompiler implements ExprVisitor<Predicate<JsonNode>> {

    /** Field names as written in the tree → the path looked up (identity, or relative to a nested element). */
    private final UnaryOperator<String> fieldName;

    private MatchCompiler(UnaryOperator<String> fieldName) {
        this.fieldName = fieldName;
    }

    /**
     * @throws IllegalArgumentException for a tree no event can be tested against: an invalid regular expression or
     *     CIDR block, a range bound with wildcards (the front-ends reject these before building the tree)
     */
    public static Predicate<JsonNode> compile(Expr e) {
        return e.accept(new MatchCompiler(UnaryOperator.identity()));
    }

    private FieldPath path(String field) {
        return new FieldPath(fieldName.apply(field));
    }

    @Override
    public Predicate<JsonNode> visitAnd(Expr.And e) {
        Predicate<JsonNode>[] ts = all(e.terms());
        return ev -> {
            for (Predicate<JsonNode> t : ts) {
                if (!t.test(ev)) {
                    return false;
                }
            }
            return true;
        };
    }

    @Override
    public Predicate<JsonNode> visitOr(Expr.Or e) {
        Predicate<JsonNode>[] ts = all(e.terms());
        return ev -> {
            for (Predicate<JsonNode> t : ts) {
                if (t.test(ev)) {
                    return true;
                }
            }
            return false;
        };
    }

    @SuppressWarnings("unchecked")
    private Predicate<JsonNode>[] all(List<Expr> terms) {
        return terms.stream().map(t -> t.accept(this)).toArray(Predicate[]::new);
    }

    @Override
    public Predicate<JsonNode> visitNot(Expr.Not e) {
        return e.term().accept(this).negate();
    }

    @Override
    public Predicate<JsonNode> visitConst(Expr.Const e) {
        boolean v = e.value();
        return ev -> v;
    }

    @Override
    public Predicate<JsonNode> visitMatch(Expr.Match e) {
        FieldPath p = path(e.field());
        Predicate<JsonNode> value = valueTest(e);
        return ev -> p.anyValue(ev, value);
    }

    private static Predicate<JsonNode> valueTest(Expr.Match e) {
        Literal lit = e.value();
        if (lit instanceof Literal.Str s) {
            Predicate<String> t = TextMatcher.compile(s.pattern(), e.caseMode());
            return v -> {
                String text = Values.textOrNull(v);
                return text != null && t.test(text);
            };
        }
        if (lit instanceof Literal.Num n) {
            BigDecimal want = n.value();
            String canonical = n.text();
            return v -> v.isNumber() ? v.decimalValue().compareTo(want) == 0 : v.isTextual() && v.textValue().equals(canonical);
        }
        boolean b = ((Literal.Bool) lit).value();
        String text = Boolean.toString(b);
        return v -> v.isBoolean() ? v.booleanValue() == b : v.isTextual() && v.textValue().equals(text);
    }

    @Override
    public Predicate<JsonNode> visitExists(Expr.Exists e) {
        FieldPath p = path(e.field());
        return ev -> p.anyValue(ev, v -> !v.isObject() || v.size() > 0);
    }

    @Override
    public Predicate<JsonNode> visitRange(Expr.Range e) {
        FieldPath p = path(e.field());
        Predicate<JsonNode> lo = e.lower().map(b -> bound(b, true)).orElse(v -> true);
        Predicate<JsonNode> hi = e.upper().map(b -> bound(b, false)).orElse(v -> true);
        return ev -> p.anyValue(ev, v -> lo.test(v) && hi.test(v));
    }

    private static Predicate<JsonNode> bound(Expr.Bound b, boolean lower) {
        boolean incl = b.inclusive();
        if (b.value() instanceof Literal.Num n) {
            BigDecimal x = n.value();
            return v -> {
                BigDecimal d = decimal(v);
                if (d == null) {
                    return false;
                }
                int c = d.compareTo(x);
                return lower ? (incl ? c >= 0 : c > 0) : (incl ? c <= 0 : c < 0);
            };
        }
        if (b.value() instanceof Literal.Str s) {
            String x = s.pattern().literalText()
                    .orElseThrow(() -> new IllegalArgumentException("range bound with wildcards: " + s.pattern()));
            return v -> {
                String t = Values.textOrNull(v);
                if (t == null) {
                    return false;
                }
                int c = Values.compareCodePoints(t, x);
                return lower ? (incl ? c >= 0 : c > 0) : (incl ? c <= 0 : c < 0);
            };
        }
        throw new IllegalArgumentException("range bound must be a number or a string, got " + b.value());
    }

    private static BigDecimal decimal(JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue().trim());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    @Override
    public Predicate<JsonNode> visitCidr(Expr.Cidr e) {
        FieldPath p = path(e.field());
        IpBlock block = IpBlock.parse(e.cidr()).orElseThrow(() -> new IllegalArgumentException("invalid CIDR block: " + e.cidr()));
        return ev -> p.anyValue(ev, v -> v.isTextual() && block.contains(v.textValue()));
    }

    @Override
    public Predicate<JsonNode> visitRegex(Expr.Regex e) {
        FieldPath p = path(e.field());
        // PCRE semantics: only '\n' ends a line (for '.' and '$').
        int flags = java.util.regex.Pattern.UNIX_LINES;
        if (e.flags().contains(Expr.RegexFlag.IGNORE_CASE)) {
            flags |= java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE;
        }
        if (e.flags().contains(Expr.RegexFlag.MULTILINE)) {
            flags |= java.util.regex.Pattern.MULTILINE;
        }
        if (e.flags().contains(Expr.RegexFlag.DOT_ALL)) {
            flags |= java.util.regex.Pattern.DOTALL;
        }
        java.util.regex.Pattern re;
        try {
            re = java.util.regex.Pattern.compile(e.regex(), flags);
        } catch (java.util.regex.PatternSyntaxException ex) {
            throw new IllegalArgumentException("invalid regular expression: " + ex.getDescription(), ex);
        }
        return ev -> p.anyValue(ev, v -> {
            String t = Values.textOrNull(v);
            return t != null && re.matcher(t).find();
        });
    }

    @Override
    public Predicate<JsonNode> visitFieldRef(Expr.FieldRef e) {
        FieldPath a = path(e.field());
        FieldPath b = path(e.otherField());
        boolean fold = e.caseMode() == dev.rulec.ir.CaseMode.INSENSITIVE;
        Expr.FieldRefKind kind = e.kind();
        return ev -> {
            List<String> others = new ArrayList<>(2);
            b.anyValue(ev, v -> {
                String t = Values.textOrNull(v);
                if (t != null) {
                    others.add(fold ? Values.lower(t) : t);
                }
                return false;
            });
            if (others.isEmpty()) {
                return false;
            }
            return a.anyValue(ev, v -> {
                String t = Values.textOrNull(v);
                if (t == null) {
                    return false;
                }
                String x = fold ? Values.lower(t) : t;
                for (String o : others) {
                    if (refHolds(kind, x, o)) {
                        return true;
                    }
                }
                return false;
            });
        };
    }

    private static boolean refHolds(Expr.FieldRefKind kind, String value, String other) {
        switch (kind) {
            case EQUALS:
                return value.equals(other);
            case STARTS_WITH:
                return value.startsWith(other);
            case ENDS_WITH:
                return value.endsWith(other);
            case CONTAINS:
                return value.contains(other);
            default:
                throw new AssertionError(kind);
        }
    }

    @Override
    public Predicate<JsonNode> visitKeyword(Expr.Keyword e) {
        Predicate<String> t = TextMatcher.compile(e.value(), e.caseMode());
        return ev -> anyScalar(ev, t);
    }

    private static boolean anyScalar(JsonNode n, Predicate<String> t) {
        if (n.isContainerNode()) {
            for (JsonNode c : n) {
                if (anyScalar(c, t)) {
                    return true;
                }
            }
            return false;
        }
        String s = Values.textOrNull(n);
        return s != null && t.test(s);
    }

    @Override
    public Predicate<JsonNode> visitNested(Expr.Nested e) {
        FieldPath p = path(e.path());
        String prefix = fieldName.apply(e.path()) + ".";
        // Inner fields may be written relative to the nested path or in full (prefixed by it).
        Predicate<JsonNode> inner = e.term().accept(new MatchCompiler(f -> f.startsWith(prefix) ? f.substring(prefix.length()) : f));
        return ev -> p.anyValue(ev, v -> v.isObject() && inner.test(v));
    }
}
