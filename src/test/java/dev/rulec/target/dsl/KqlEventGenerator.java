package dev.rulec.target.dsl;

import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprWalker;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Test-only event generator for the KQL differential test: walks the tree wanting it true or false and writes values
 * (exact, instantiated wildcards, near misses, absent fields) typed for the field's mapping. It need not be right —
 * the matcher's verdict on each event is compared with Elasticsearch's — only varied.
 *
 * <p>On analyzed or normalized fields (text, {@code *.caseless}) it makes no case-only near misses: there KQL's
 * meaning is case-insensitive while the IR says case-sensitive (a documented limit of the IR for KQL on text).
 */
final class KqlEventGenerator {

    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "unsigned_long", "float",
            "double", "half_float", "scaled_float");
    private static final List<String> FILL = List.of("", "x", "ab c", "Z9", "-", "\\");

    private final Function<String, String> typeOf;
    private final Function<String, Boolean> caseless;
    private final Random random;

    KqlEventGenerator(Function<String, String> typeOf, Function<String, Boolean> caseless, long seed) {
        this.typeOf = typeOf;
        this.caseless = caseless;
        this.random = new Random(seed);
    }

    /** {@code n} events (field → value, dotted names), alternately aimed at true and false, plus an empty one. */
    List<Map<String, Object>> generate(Expr e, int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (int i = 0; i < n; i++) {
            Map<String, Object> ev = new LinkedHashMap<>();
            e.accept(new Aim(ev, i % 2 == 0));
            out.add(ev);
        }
        return out;
    }

    private final class Aim extends ExprWalker {
        private final Map<String, Object> ev;
        private final boolean want;

        Aim(Map<String, Object> ev, boolean want) {
            this.ev = ev;
            this.want = want;
        }

        private void sub(Expr e, boolean w) {
            e.accept(new Aim(ev, w));
        }

        @Override
        public Void visitAnd(Expr.And e) {
            int falsify = want ? -1 : random.nextInt(e.terms().size());
            for (int i = 0; i < e.terms().size(); i++) {
                sub(e.terms().get(i), i != falsify);
            }
            return null;
        }

        @Override
        public Void visitOr(Expr.Or e) {
            int pick = want ? random.nextInt(e.terms().size()) : -1;
            for (int i = 0; i < e.terms().size(); i++) {
                if (i == pick || !want || random.nextInt(4) == 0) {
                    sub(e.terms().get(i), i == pick);
                }
            }
            return null;
        }

        @Override
        public Void visitNot(Expr.Not e) {
            sub(e.term(), !want);
            return null;
        }

        @Override
        public Void visitMatch(Expr.Match e) {
            if (!want && (ev.containsKey(e.field()) || random.nextInt(3) == 0)) {
                return null; // absent, or leave what another branch wrote
            }
            String type = typeOf.apply(e.field());
            Object v = literal(e.field(), type, e.value(), want);
            ev.put(e.field(), v);
            return null;
        }

        @Override
        public Void visitExists(Expr.Exists e) {
            if (want) {
                ev.putIfAbsent(e.field(), typed(typeOf.apply(e.field()), "present"));
            } else {
                ev.remove(e.field());
            }
            return null;
        }

        @Override
        public Void visitRange(Expr.Range e) {
            Expr.Bound b = e.lower().or(e::upper).orElseThrow();
            boolean lower = e.lower().isPresent();
            String type = typeOf.apply(e.field());
            if (b.value() instanceof Literal.Num n) {
                BigDecimal v = n.value();
                boolean above = lower == want;
                BigDecimal pick = b.inclusive() && random.nextBoolean() && want ? v : above ? v.add(BigDecimal.ONE)
                        : v.subtract(BigDecimal.ONE);
                ev.put(e.field(), NUMERIC.contains(type) ? (Object) pick : pick.toPlainString());
            } else if (!"date".equals(type)) {
                String s = ((Literal.Str) b.value()).pattern().literalText().orElse("");
                boolean above = lower == want;
                ev.put(e.field(), above ? s + "~" : s.isEmpty() ? "" : s.substring(0, s.length() - 1));
            }
            return null;
        }

        @Override
        public Void visitCidr(Expr.Cidr e) {
            String base = e.cidr().substring(0, e.cidr().indexOf('/'));
            boolean v6 = base.contains(":");
            ev.put(e.field(), want ? base : v6 ? "2001:db8::7" : "203.0.113.7");
            return null;
        }

        @Override
        public Void visitKeyword(Expr.Keyword e) {
            if (want) {
                ev.put(dev.rulec.ir.gen.Assembler.KEYWORD_FIELD, instantiate(e.value()));
            }
            return null;
        }

        @Override
        public Void visitNested(Expr.Nested e) {
            Map<String, Object> inner = new LinkedHashMap<>();
            e.term().accept(new Aim(inner, want));
            Map<String, Object> rel = new LinkedHashMap<>();
            inner.forEach((k, v) -> rel.put(k.startsWith(e.path() + ".") ? k.substring(e.path().length() + 1) : k, v));
            ev.put(e.path(), List.of(rel));
            return null;
        }
    }

    private Object literal(String field, String type, Literal lit, boolean want) {
        if (lit instanceof Literal.Num n) {
            BigDecimal v = want ? n.value() : n.value().add(BigDecimal.ONE);
            return NUMERIC.contains(type) ? v : v.stripTrailingZeros().toPlainString();
        }
        if (lit instanceof Literal.Bool b) {
            boolean v = want == b.value();
            return "boolean".equals(type) ? (Object) v : Boolean.toString(v);
        }
        String s = instantiate(((Literal.Str) lit).pattern());
        if (!want) {
            s = nearMiss(field, s);
        }
        return typed(type, s);
    }

    private String instantiate(Pattern p) {
        StringBuilder sb = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Text t) {
                sb.append(t.text());
            } else {
                String fill = FILL.get(random.nextInt(FILL.size()));
                sb.append(part instanceof Pattern.AnyChar && fill.length() != 1 ? "q" : fill);
            }
        }
        return sb.toString();
    }

    private String nearMiss(String field, String s) {
        int kind = random.nextInt(4);
        boolean hasLetter = s.chars().anyMatch(Character::isLetter);
        if (kind == 0 && hasLetter && !caseless.apply(field)) {
            String flipped = s.equals(s.toUpperCase(Locale.ROOT)) ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT);
            return flipped.equals(s) ? s + "q" : flipped;
        }
        if (kind == 1 && s.length() > 1) {
            return s.substring(0, s.length() - 1);
        }
        if (kind == 2) {
            return "q" + s;
        }
        return s + "q";
    }

    /** A value the mapping accepts: numbers for numeric fields, addresses for ip, dates for date, booleans. */
    private static Object typed(String type, String s) {
        if (NUMERIC.contains(type)) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return 424242;
            }
        }
        if ("ip".equals(type)) {
            boolean v4 = s.matches("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
            boolean v6 = s.matches("[0-9a-fA-F:]+") && s.contains("::") || s.matches("([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}");
            return v4 || v6 ? s : "198.51.100.1";
        }
        if ("boolean".equals(type)) {
            return s.equals("false") ? Boolean.FALSE : Boolean.TRUE;
        }
        if ("date".equals(type)) {
            return "2024-05-01T12:00:00Z";
        }
        return s;
    }
}
