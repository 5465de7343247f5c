package dev.rulec.target.kql;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.Severity;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.target.RenderContext;
import dev.rulec.target.RenderedQuery;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KqlFilterSplitTest {

    private static final SourcePos POS = new SourcePos("rules/x.yml", 7, 1);
    private static final Map<String, String> TYPES = Map.of("event.code", "long", "message", "text");
    private final Diagnostics diags = new Diagnostics();

    private Optional<RenderedQuery> render(Expr e, KqlFilterMode mode) {
        RenderContext ctx = new RenderContext(POS, "Rule X", List.of(), f -> Optional.ofNullable(TYPES.get(f)));
        return new KqlRenderer(true, mode).renderWithFilters(e, ctx, diags);
    }

    private static Expr eq(String f, String v) {
        return new Expr.Match(f, Literal.string(v), CaseMode.INSENSITIVE);
    }

    private static Expr re(String f, String regex) {
        return new Expr.Regex(f, regex, Set.of());
    }

    private static Expr anyChar(String f) {
        return new Expr.Match(f, new Literal.Str(Pattern.of(new Pattern.Text("a"), Pattern.ANY_CHAR, new Pattern.Text("c"))),
                CaseMode.INSENSITIVE);
    }

    private static List<String> filters(RenderedQuery q) {
        return q.filters().stream().map(f -> f.query().toString()).toList();
    }

    @Test
    void aTreeKqlExpressesHasNoFiltersAndTheSameQueryAsPlainKql() {
        Expr e = Expr.and(new Expr.Match("event.code", Literal.Num.of(1), CaseMode.INSENSITIVE), eq("message", "x"));
        RenderedQuery q = render(e, KqlFilterMode.DSL).orElseThrow();
        assertEquals("event.code:1 and message:\"x\"", q.query());
        assertEquals(List.of(), q.filters());
        assertEquals(List.of(), diags.all());
    }

    @Test
    void eachConjunctHoldingARegexOrSingleCharacterWildcardBecomesOneFilter() {
        Expr e = Expr.and(eq("event.category", "process"), re("process.command_line", "a+b"),
                Expr.or(eq("process.name", "x.exe"), anyChar("process.name")));
        RenderedQuery q = render(e, KqlFilterMode.DSL).orElseThrow();
        assertEquals("event.category:\"process\"", q.query());
        assertEquals(List.of("{\"regexp\":{\"process.command_line\":{\"value\":\".*(a)+b.*\"}}}",
                "{\"bool\":{\"should\":[{\"term\":{\"process.name\":{\"value\":\"x.exe\",\"case_insensitive\":true}}},"
                        + "{\"wildcard\":{\"process.name\":{\"value\":\"a?c\",\"case_insensitive\":true}}}],"
                        + "\"minimum_should_match\":1}}"), filters(q));
        assertEquals(List.of(List.of("process.command_line"), List.of("process.name")),
                q.filters().stream().map(RenderedQuery.Filter::fields).toList());
    }

    @Test
    void aNegatedRegexGoesWholeAsMustNot() {
        RenderedQuery q = render(Expr.and(eq("a", "1"), Expr.not(re("b", "x"))), KqlFilterMode.DSL).orElseThrow();
        assertEquals("a:\"1\"", q.query());
        assertEquals(List.of("{\"bool\":{\"must_not\":[{\"regexp\":{\"b\":{\"value\":\".*x.*\"}}}]}}"), filters(q));
    }

    @Test
    void withNothingLeftForKqlTheQueryIsEmpty() {
        RenderedQuery q = render(re("b", "x"), KqlFilterMode.DSL).orElseThrow();
        assertEquals("", q.query());
        assertEquals(1, q.filters().size());
    }

    @Test
    void everyFilterIsNotedWithTheRuleFieldAndReason() {
        render(Expr.and(eq("a", "1"), re("b", "x"), anyChar("c")), KqlFilterMode.DSL).orElseThrow();
        List<Diagnostic> notes = diags.all().stream().filter(d -> d.code().equals("kql.dsl-filter")).toList();
        assertEquals(2, notes.size(), diags.all()::toString);
        assertTrue(notes.stream().allMatch(d -> d.severity() == Severity.NOTE));
        assertEquals("rules/x.yml:7:1: note: rule [Rule X], field [b]: KQL has no form for a regular expression, so the "
                + "condition is a Query DSL filter of the rule (Kibana ANDs it onto the query) (pass --kql-filters=error "
                + "to refuse such rules, or compile to ES|QL or Lucene) [kql.dsl-filter]", notes.get(0).format());
        assertTrue(notes.get(1).message().contains("field [c]: KQL has no form for the single-character wildcard"),
                notes.get(1).message());
    }

    @Test
    void caseWarningsOfConditionsMovedToTheDslAreDropped() {
        render(Expr.and(new Expr.Match("event.code", Literal.Num.of(1), CaseMode.INSENSITIVE),
                Expr.or(eq("process.name", "X"), anyChar("process.name"))), KqlFilterMode.DSL).orElseThrow();
        assertTrue(diags.all().stream().noneMatch(d -> d.code().equals("kql.case-sensitive")), diags.all()::toString);
    }

    @Test
    void aConjunctTheDslCannotExpressKeepsTheRuleAnErrorWithTheDslsReason() {
        assertTrue(render(Expr.and(eq("a", "1"), re("b", "x(?=y)")), KqlFilterMode.DSL).isEmpty());
        assertEquals(1, diags.errorCount(), diags.all()::toString);
        Diagnostic d = diags.all().get(0);
        assertEquals("kql.unsupported", d.code());
        assertTrue(d.message().contains("cannot be translated") && d.message().contains("neither KQL nor a Query DSL"),
                d.message());
    }

    @Test
    void errorModeRefusesWhatKqlCannotExpress() {
        assertTrue(render(Expr.and(eq("a", "1"), re("b", "x")), KqlFilterMode.ERROR).isEmpty());
        assertEquals("kql.unsupported", diags.all().get(0).code());
    }
}
