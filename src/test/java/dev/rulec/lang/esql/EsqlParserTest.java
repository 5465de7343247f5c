package dev.rulec.lang.esql;

import dev.rulec.lang.esql.EsqlCommand.From;
import dev.rulec.lang.esql.EsqlCommand.Keep;
import dev.rulec.lang.esql.EsqlCommand.Where;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class EsqlParserTest {

    private static EsqlQuery parse(String q) {
        EsqlParser.Result r = EsqlParser.parse(q);
        return r.query().orElseThrow(() -> new AssertionError(r.problems()));
    }

    @Test
    void readsIndexPatternsAndMetadata() {
        From f = (From) parse("from logs-aws.cloudtrail-*, \"logs-x\" metadata _id, _index").source();
        assertEquals(java.util.List.of("logs-aws.cloudtrail-*", "logs-x"), f.indices());
        assertEquals("_index", f.metadata().get(1).pattern());
    }

    @Test
    void commentsAndTripleQuotedStringsAndBackticks() {
        Where w = (Where) parse("// lead\nFROM a /* x */ | WHERE `my field` == \"\"\"a\"b\"\"\" // tail").commands().get(1);
        EsqlExpr.Binary b = (EsqlExpr.Binary) w.condition();
        assertEquals("my field", ((EsqlExpr.Column) b.left()).name());
        assertEquals("a\"b", ((EsqlExpr.Literal) b.right()).value());
    }

    @Test
    void keepPatternsLexAsNamesNotMultiplication() {
        Keep k = (Keep) parse("FROM a | KEEP host.*, `x y`, *name").commands().get(1);
        assertEquals("host.*", k.columns().get(0).pattern());
        assertEquals("x y", k.columns().get(1).pattern());
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Where w = (Where) parse("FROM a | WHERE NOT x AND y OR z").commands().get(1);
        EsqlExpr.Binary or = (EsqlExpr.Binary) w.condition();
        assertEquals("or", or.op());
        assertInstanceOf(EsqlExpr.Not.class, ((EsqlExpr.Binary) or.left()).left());
    }

    @Test
    void parsesEveryCommandFamily() {
        parse("""
                FROM logs-* METADATA _id | WHERE a LIKE "x*" AND b NOT IN (1, 2) AND c RLIKE "a.*" AND d IS NULL
                | EVAL e = a::keyword, f = ?p, g = NOW() - 7 days, h = [1, 2]
                | DISSECT a "%{x} %{y}" APPEND_SEPARATOR = ","
                | GROK a "%{WORD:w} %{NUMBER:n:int}"
                | ENRICH _any:policy ON a WITH k = v
                | LOOKUP JOIN lookup-idx ON a
                | MV_EXPAND a
                | RENAME a AS b, c = d
                | STATS c = COUNT(*) WHERE x > 1, m = MATCH(a, "x", {"fuzziness": 1}) BY bucket(@timestamp, 1 hour)
                | SORT c DESC NULLS LAST
                | DROP x*
                | LIMIT 10""");
    }

    @Test
    void syntaxErrorsArePositioned() {
        EsqlParser.Result r = EsqlParser.parse("FROM a\n| WHERE x ==");
        assertFalse(r.ok());
        assertEquals(2, r.problems().get(0).line());
        assertEquals(13, r.problems().get(0).column());
    }

    @Test
    void deepNestingIsAProblemNotACrash() {
        String q = "ROW x = " + "(".repeat(20000) + "1" + ")".repeat(20000);
        assertFalse(EsqlParser.parse(q).ok());
    }
}
