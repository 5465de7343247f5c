package dev.rulec.lang.kql;

import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprVisitor;
import dev.rulec.ir.Literal;
import dev.rulec.target.FieldTypes;

import java.util.List;

/**
 * Makes the type-dependent meanings of a parsed KQL tree explicit once field types are known, so targets other than
 * KQL (ES|QL, Lucene, the in-process matcher) read it as Kibana would run it.
 *
 * <p>Today one rewrite: {@code field:"10.0.0.0/8"} on an {@code ip} field is a CIDR query in Elasticsearch, so the
 * {@link Expr.Match} becomes an {@link Expr.Cidr}. (On text fields KQL values are analyzed — a phrase match, case-
 * insensitive with the standard analyzer; the IR has no node for that, see the package documentation.)
 */
public final class KqlTyping {

    private KqlTyping() {
    }

    public static Expr refine(Expr e, FieldTypes types) {
        return e.accept(new Refiner(types));
    }

    private record Refiner(FieldTypes types) implements ExprVisitor<Expr> {
        @Override
        public Expr visitAnd(Expr.And e) {
            return new Expr.And(all(e.terms()));
        }

        @Override
        public Expr visitOr(Expr.Or e) {
            return new Expr.Or(all(e.terms()));
        }

        private List<Expr> all(List<Expr> terms) {
            return terms.stream().map(t -> t.accept(this)).toList();
        }

        @Override
        public Expr visitNot(Expr.Not e) {
            return new Expr.Not(e.term().accept(this));
        }

        @Override
        public Expr visitConst(Expr.Const e) {
            return e;
        }

        @Override
        public Expr visitMatch(Expr.Match e) {
            if (e.value() instanceof Literal.Str s && types.typeOf(e.field()).filter("ip"::equals).isPresent()) {
                String v = s.pattern().literalText().orElse("");
                if (v.contains("/")) {
                    return new Expr.Cidr(e.field(), v);
                }
            }
            return e;
        }

        @Override
        public Expr visitExists(Expr.Exists e) {
            return e;
        }

        @Override
        public Expr visitRange(Expr.Range e) {
            return e;
        }

        @Override
        public Expr visitCidr(Expr.Cidr e) {
            return e;
        }

        @Override
        public Expr visitRegex(Expr.Regex e) {
            return e;
        }

        @Override
        public Expr visitFieldRef(Expr.FieldRef e) {
            return e;
        }

        @Override
        public Expr visitKeyword(Expr.Keyword e) {
            return e;
        }

        @Override
        public Expr visitNested(Expr.Nested e) {
            return new Expr.Nested(e.path(), e.term().accept(this));
        }
    }
}
