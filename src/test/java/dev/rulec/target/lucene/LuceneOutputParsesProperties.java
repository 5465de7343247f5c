package dev.rulec.target.lucene;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.lang.lucene.LuceneFormatter;
import dev.rulec.lang.lucene.LuceneParser;
import dev.rulec.lang.lucene.LuceneQuery;
import dev.rulec.target.FieldTypes;
import dev.rulec.target.RenderContext;
import dev.rulec.target.kql.KqlRoundTripProperties;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query the Lucene target writes parses with rulec's Lucene grammar, and the formatter's text of that tree parses
 * to the same tree. Trees come from the KQL round-trip generators (hostile strings, wildcards, numbers) plus what only
 * the Lucene target writes: case-insensitive values, regexes, CIDR blocks, keys of flattened fields.
 */
class LuceneOutputParsesProperties {

    private static final SourcePos POS = SourcePos.startOf("prop.yml");
    private static final Map<String, String> TYPES = Map.of("flat.key", "flattened", "n", "long", "ip", "ip",
            "msg", "text");
    private static final FieldTypes FIELD_TYPES = f -> Optional.ofNullable(TYPES.get(f));
    private static final RenderContext CTX = new RenderContext(POS, "prop", List.of(), FIELD_TYPES);

    @Property(tries = 2000)
    void everyRenderedQueryParsesAndFormatsBackToTheSameTree(@ForAll("trees") Expr tree) {
        Diagnostics d = new Diagnostics();
        Optional<String> text = new LuceneRenderer().render(tree, CTX, d);
        if (text.isEmpty()) {
            assertTrue(d.hasErrors(), () -> tree.toString());
            return;
        }
        Diagnostics p = new Diagnostics();
        Optional<LuceneQuery.Bool> parsed = LuceneParser.parse(text.get(), POS, p);
        assertTrue(parsed.isPresent(), () -> text.get() + " → " + p.all());
        String formatted = LuceneFormatter.format(parsed.get());
        Optional<LuceneQuery.Bool> again = LuceneParser.parse(formatted, POS, p);
        assertTrue(again.isPresent(), () -> text.get() + " formatted as " + formatted + " → " + p.all());
        assertEquals(parsed.get(), again.get(), () -> text.get() + " formatted as " + formatted);
    }

    @Provide
    Arbitrary<Expr> trees() {
        return tree(3);
    }

    private static Arbitrary<Expr> tree(int depth) {
        if (depth == 0) {
            return leaves();
        }
        Arbitrary<Expr> sub = Arbitraries.lazy(() -> tree(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaves()),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(l -> (Expr) new Expr.And(l))),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(l -> (Expr) new Expr.Or(l))),
                Tuple.of(1, sub.map(Expr::not)),
                Tuple.of(1, Arbitraries.of(new Expr.Const(true), new Expr.Const(false))));
    }

    private static Arbitrary<Expr> leaves() {
        Arbitrary<String> field = Arbitraries.oneOf(KqlRoundTripProperties.fields(),
                Arbitraries.of("flat.key", "n", "ip", "msg"));
        Arbitrary<CaseMode> mode = Arbitraries.of(CaseMode.class);
        Arbitrary<Literal> literal = KqlRoundTripProperties.literals();
        return Arbitraries.oneOf(
                Combinators.combine(field, literal, mode).as(Expr.Match::new),
                field.map(Expr.Exists::new),
                Combinators.combine(field, literal, literal, Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as((f, lo, hi, li, hiIncl) -> new Expr.Range(f, Optional.of(new Expr.Bound(lo, li)),
                                Optional.of(new Expr.Bound(hi, hiIncl)))),
                Combinators.combine(field, literal, Arbitraries.of(true, false)).as((f, v, lower) -> new Expr.Range(f,
                        lower ? Optional.of(new Expr.Bound(v, true)) : Optional.empty(),
                        lower ? Optional.empty() : Optional.of(new Expr.Bound(v, false)))),
                Combinators.combine(field, Arbitraries.of("10.0.0.0/8", "2001:db8::/32", "::1/128"))
                        .as(Expr.Cidr::new),
                Combinators.combine(field, regexes(), Arbitraries.of(Set.<Expr.RegexFlag>of(),
                        EnumSet.of(Expr.RegexFlag.IGNORE_CASE))).as(Expr.Regex::new),
                Combinators.combine(KqlRoundTripProperties.hostile().filter(s -> !s.isEmpty()).map(Pattern::literal),
                        mode).as(Expr.Keyword::new),
                Combinators.combine(KqlRoundTripProperties.hostile().filter(s -> !s.isEmpty()), mode)
                        .as((s, m) -> new Expr.Keyword(Pattern.of(new Pattern.Text(s), Pattern.ANY_STRING), m)));
    }

    private static Arbitrary<String> regexes() {
        return Arbitraries.of("a.*b", "^foo$", "[a-z]+/x", "a{2,3}", "(x|y)\\d", "\\.exe$", "a\"b", "/", "\\/",
                "é+", "\\\\server\\\\share", "[^\\s]+ -enc", "(?i)powershell", "a b", "\\(\\)\\[\\]", "x?y*z+");
    }
}
