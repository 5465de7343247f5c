package dev.rulec.target.esql;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.target.RenderContext;
import dev.rulec.target.lucene.LuceneRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Predicates on keys of a flattened field in ES|QL: the Lucene target's text inside QSTR, only where QSTR may stand. */
class EsqlFlattenedKeysTest {
    private static final String KEY = "aws.cloudtrail.flattened.response_elements.ConsoleLogin";
    private static final RenderContext CTX = new RenderContext(SourcePos.startOf("r.yml"), "r", List.of("logs-aws.cloudtrail-*"),
            f -> f.startsWith("aws.cloudtrail.flattened.") ? Optional.of("flattened") : Optional.empty());

    private static Expr match(String v, CaseMode m) {
        return new Expr.Match(KEY, Literal.string(v), m);
    }

    @Test
    void flattenedKeyLeafIsTheLuceneQueryInsideQstrQuotedAsAnEsqlString() {
        Expr e = match("a\"b\\c", CaseMode.SENSITIVE);
        String lucene = LuceneRenderer.query(e, CTX, new Diagnostics(), "lucene.untranslatable", "Lucene").orElseThrow();
        assertEquals(KEY + ":\"a\\\"b\\\\c\"", lucene);
        assertEquals("QSTR(" + EsqlQuoting.string(lucene) + ")", EsqlRenderer.condition(e, CTX, new Diagnostics(), true).orElseThrow());
    }

    @Test
    void caseInsensitiveValueListsEverySpellingIncludingTheKelvinSign() {
        String where = new EsqlRenderer().render(match("Ok", CaseMode.INSENSITIVE), CTX, new Diagnostics()).orElseThrow();
        assertTrue(where.endsWith("| WHERE QSTR(\"" + KEY + ":(\\\"OK\\\" OR \\\"Ok\\\" OR \\\"O\u212a\\\" OR \\\"oK\\\" OR"
                + " \\\"ok\\\" OR \\\"o\u212a\\\")\")"), where);
    }

    @Test
    void flattenedKeyUnderNotIsNotWrappedInCoalesce() {
        String w = EsqlRenderer.condition(Expr.not(match("x", CaseMode.SENSITIVE)), CTX, new Diagnostics(), true).orElseThrow();
        assertEquals("NOT (QSTR(\"" + KEY + ":\\\"x\\\"\"))", w);
    }

    @Test
    void conditionForAnEvalRefusesFlattenedKeysAndKeywordSearchesBecauseQstrOnlyRunsInWhere() {
        for (Expr e : List.of(match("x", CaseMode.SENSITIVE),
                new Expr.Keyword(Pattern.literal("mimikatz"), CaseMode.INSENSITIVE))) {
            Diagnostics d = new Diagnostics();
            assertTrue(new EsqlRenderer().condition(e, CTX, d).isEmpty());
            assertEquals("esql.untranslatable", d.all().get(0).code());
            assertTrue(d.all().get(0).message().contains("only in WHERE and STATS"), d.all().get(0).message());
        }
    }

    @Test
    void leadingWildcardOnAFlattenedKeyIsAnErrorWithTheReason() {
        Diagnostics d = new Diagnostics();
        Expr e = new Expr.Match(KEY, new Literal.Str(Pattern.of(Pattern.ANY_STRING, new Pattern.Text("ok"))), CaseMode.INSENSITIVE);
        assertEquals(Optional.empty(), new EsqlRenderer().render(e, CTX, d));
        assertTrue(d.all().get(0).message().contains("against the values of every key"), d.all().get(0).message());
    }
}
