package dev.rulec.lang.kql;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprRewriter;
import dev.rulec.ir.Literal;
import dev.rulec.target.FieldTypes;

import java.util.function.Predicate;

/**
 * Makes the type-dependent meanings of a parsed KQL tree explicit once field types are known, so targets other than
 * KQL (ES|QL, Lucene, the in-process matcher) read it as Kibana would run it.
 *
 * <ul>
 *   <li>{@code field:"10.0.0.0/8"} on an {@code ip} field is a CIDR query in Elasticsearch: the {@link Expr.Match}
 *       becomes an {@link Expr.Cidr};</li>
 *   <li>on a keyword field with a lowercase normalizer (ECS's {@code *.caseless} multi-fields) both the value and the
 *       query are lower-cased: the match becomes {@link CaseMode#INSENSITIVE};</li>
 *   <li>{@code field >= 100} on a string field (keyword, text…) compares strings in Elasticsearch ({@code "99" > "100"}):
 *       the number bound becomes a string bound.</li>
 * </ul> (On text fields KQL values are analyzed — a phrase match, case-
 * insensitive with the standard analyzer; the IR has no node for that, see the package documentation.)
 */
public final class KqlTyping {

    private static final java.util.Set<String> STRING_TYPES = java.util.Set.of("keyword", "constant_keyword",
            "wildcard", "text", "match_only_text");

    private KqlTyping() {
    }

    public static Expr refine(Expr e, FieldTypes types) {
        return refine(e, types, f -> false);
    }

    /** @param lowercased whether a field is a keyword field with a lowercase normalizer */
    public static Expr refine(Expr e, FieldTypes types, Predicate<String> lowercased) {
        return e.accept(new Refiner(types, lowercased));
    }

    /** Rewrites the matches and ranges whose meaning depends on the field's type; everything else is kept. */
    private static final class Refiner extends ExprRewriter {
        private final FieldTypes types;
        private final Predicate<String> lowercased;

        Refiner(FieldTypes types, Predicate<String> lowercased) {
            this.types = types;
            this.lowercased = lowercased;
        }

        @Override
        public Expr visitMatch(Expr.Match e) {
            if (e.value() instanceof Literal.Str s && types.typeOf(e.field()).filter("ip"::equals).isPresent()) {
                String v = s.pattern().literalText().orElse("");
                if (v.contains("/")) {
                    return new Expr.Cidr(e.field(), v);
                }
            }
            if (e.caseMode() == CaseMode.SENSITIVE && lowercased.test(e.field())) {
                return new Expr.Match(e.field(), e.value(), CaseMode.INSENSITIVE);
            }
            return e;
        }

        @Override
        public Expr visitRange(Expr.Range e) {
            if (types.typeOf(e.field()).filter(STRING_TYPES::contains).isEmpty()) {
                return e;
            }
            return new Expr.Range(e.field(), e.lower().map(Refiner::asString), e.upper().map(Refiner::asString));
        }

        private static Expr.Bound asString(Expr.Bound b) {
            return b.value() instanceof Literal.Num n ? new Expr.Bound(Literal.string(n.text()), b.inclusive()) : b;
        }
    }
}
