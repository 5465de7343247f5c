package dev.rulec.target.kql;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.target.FieldTypes;
import dev.rulec.target.RenderContext;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code parse(render(tree))} equals the tree, for trees KQL can express, with hostile strings. */
public class KqlRoundTripProperties {

    private static final SourcePos POS = SourcePos.startOf("prop.toml");
    private static final RenderContext CTX = new RenderContext(POS, "prop", List.of(), FieldTypes.unknown());

    @Property(tries = 1000)
    void parseOfRenderIsTheTree(@ForAll("trees") Expr tree) {
        Diagnostics d = new Diagnostics();
        Optional<String> text = new KqlRenderer().render(tree, CTX, d);
        assertTrue(text.isPresent(), () -> tree + " → " + d.all());
        Optional<Expr> back = KqlParser.parse(text.get(), POS, d);
        assertTrue(back.isPresent(), () -> text.get() + " → " + d.all());
        assertEquals(tree, back.get(), text.get());
        assertEquals(text, new KqlRenderer().render(back.get(), CTX, d), "render is a fixpoint");
    }

    @Property(tries = 1000)
    void wildcardValuesRoundTripOrAreRefusedWithAReason(@ForAll("patterns") Pattern p) {
        Expr tree = new Expr.Match("f", new Literal.Str(p), CaseMode.SENSITIVE);
        Diagnostics d = new Diagnostics();
        Optional<String> text = new KqlRenderer().render(tree, CTX, d);
        if (text.isEmpty()) {
            assertTrue(d.hasErrors());
            return;
        }
        Expr back = KqlParser.parse(text.get(), POS, d).orElseThrow(() -> new AssertionError(text.get() + d.all()));
        assertEquals(p.isMatchAll() ? new Expr.Exists("f") : tree, back, text.get());
    }

    // ---- generators ----

    public static Arbitrary<String> hostile() {
        Arbitrary<String> chars = Arbitraries.strings()
                .withChars("aZ09 \\():<>\"*{}?.-/\t\n\r\u00A0é\u2003'`~!@#$%^&=+[];,|")
                .withChars('\u0000', '\u001F', '\u0085', '\uFEFF')
                .ofMinLength(0).ofMaxLength(12);
        Arbitrary<String> words = Arbitraries.of("or", "and", "not", "NOT", "Or", "true", "false", "null", "200", "0",
                "-1.5", "*", " ", "\\", "\"", "x", "😀", "a😀b");
        return Combinators.combine(chars, words, chars).as((a, w, b) -> a + w + b)
                .injectDuplicates(0.0).edgeCases(c -> c.add(""));
    }

    @Provide
    Arbitrary<Pattern> patterns() {
        Arbitrary<Pattern.Part> part = Arbitraries.oneOf(
                hostile().filter(s -> !s.isEmpty()).map(Pattern.Text::new),
                Arbitraries.just(Pattern.ANY_STRING));
        return part.list().ofMinSize(1).ofMaxSize(4).map(Pattern::new);
    }

    public static Arbitrary<String> fields() {
        return Arbitraries.oneOf(Arbitraries.of("event.action", "process.name", "@timestamp", "a", "user.name"),
                hostile().filter(s -> !s.isEmpty()));
    }

    public static Arbitrary<Literal> literals() {
        return Arbitraries.oneOf(
                hostile().map(Literal::string),
                patternsWithStar().map(Literal.Str::new),
                Arbitraries.longs().between(-1000, 100_000).map(Literal.Num::of),
                Arbitraries.of(new Literal.Num(new BigDecimal("2.5")), new Literal.Bool(true), new Literal.Bool(false)));
    }

    /** Wildcard patterns KQL can express: no ?-wildcard, not only a star, no whitespace at either end. */
    static Arbitrary<Pattern> patternsWithStar() {
        return Combinators.combine(hostile(), hostile()).as((a, b) -> {
            List<Pattern.Part> parts = new ArrayList<>();
            if (!a.isEmpty()) {
                parts.add(new Pattern.Text(a));
            }
            parts.add(Pattern.ANY_STRING);
            parts.add(new Pattern.Text("x" + b + "x"));
            return new Pattern(parts);
        }).filter(p -> !(p.parts().get(0) instanceof Pattern.Text t && Character.isWhitespace(t.text().charAt(0))
                || t0IsJsSpace(p)));
    }

    private static boolean t0IsJsSpace(Pattern p) {
        return p.parts().get(0) instanceof Pattern.Text t && (t.text().charAt(0) == '\u00A0'
                || t.text().charAt(0) == '\u2003' || t.text().charAt(0) == '\uFEFF' || t.text().charAt(0) == '\u0085'
                && false);
    }

    static Arbitrary<Expr> leaves(String prefix) {
        Arbitrary<String> field = fields().map(f -> prefix + f);
        return Arbitraries.oneOf(
                Combinators.combine(field, literals()).as((f, v) -> new Expr.Match(f, v, CaseMode.SENSITIVE)),
                field.map(Expr.Exists::new),
                Combinators.combine(field, Arbitraries.oneOf(hostile().map(Literal::string),
                                Arbitraries.longs().map(Literal.Num::of)), Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                        .as((f, v, lower, incl) -> new Expr.Range(f,
                                lower ? Optional.of(new Expr.Bound(v, incl)) : Optional.empty(),
                                lower ? Optional.empty() : Optional.of(new Expr.Bound(v, incl)))),
                Arbitraries.oneOf(hostile().map(Pattern::literal), patternsWithStar())
                        .map(p -> new Expr.Keyword(p, CaseMode.SENSITIVE)));
    }

    @Provide
    Arbitrary<Expr> trees() {
        return tree("", 3);
    }

    private static Arbitrary<Expr> tree(String prefix, int depth) {
        if (depth == 0) {
            return leaves(prefix);
        }
        Arbitrary<Expr> sub = Arbitraries.lazy(() -> tree(prefix, depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaves(prefix)),
                net.jqwik.api.Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(l -> (Expr) new Expr.And(l))),
                net.jqwik.api.Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(l -> (Expr) new Expr.Or(l))),
                net.jqwik.api.Tuple.of(1, sub.filter(t -> !(t instanceof Expr.Const)).map(Expr::not)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(new Expr.Const(true), new Expr.Const(false))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("user", "a.b").flatMap(p ->
                        tree(prefix + p + ".", depth - 1).map(t -> (Expr) new Expr.Nested(prefix + p, t)))));
    }
}
