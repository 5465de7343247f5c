package dev.rulec.lang.esql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the analyzer allows QSTR, KQL and MATCH: the places Elasticsearch 8.19 accepts (EsqlDifferentialIT). */
class FullTextPlacementTest {
    private static final String FROM = "FROM logs-aws.cloudtrail-* METADATA _id, _index, _version\n";
    private final EsqlAnalyzer analyzer = EsqlAnalyzer.withBuiltinSchemas();

    private List<String> problems(String rest) {
        return analyzer.check(FROM + rest).stream().filter(p -> p.kind() != EsqlProblem.Kind.DETECTION)
                .map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
    }

    @Test
    void qstrUnderAndOrNotBesideColumnsAfterFromWhereAndSortIsAccepted() {
        assertEquals(List.of(), problems("| WHERE QSTR(\"a:b\") OR NOT (KQL(\"c:d\") AND event.action == \"x\")"));
        assertEquals(List.of(), problems("| SORT @timestamp\n| WHERE event.action == \"x\"\n| WHERE NOT QSTR(\"a:b\")"));
    }

    @Test
    void fullTextFunctionOutsideWhereIsOnlySupportedInWhereAndStats() {
        assertEquals(List.of("2:17: [QSTR] function is only supported in WHERE and STATS commands"),
                problems("| EVAL r = CASE(QSTR(\"a:b\"), 1, 0)"));
    }

    @Test
    void fullTextFunctionAfterEvalOrLimitIsRefusedNamingTheCommand() {
        assertEquals(List.of("3:3: [QSTR] function cannot be used after EVAL"),
                problems("| EVAL x = 1\n| WHERE QSTR(\"a:b\")"));
        assertEquals(List.of("3:3: [KQL] function cannot be used after LIMIT"),
                problems("| LIMIT 5\n| WHERE KQL(\"a:b\")"));
    }

    @Test
    void fullTextFunctionInsideCoalesceOrComparedIsAnInvalidCondition() {
        assertEquals(List.of("2:9: Invalid condition [COALESCE(QSTR(\"a:b\"), FALSE)]. [QSTR] function can't be used with COALESCE"),
                problems("| WHERE COALESCE(QSTR(\"a:b\"), FALSE)"));
        assertEquals(List.of("2:9: Invalid condition [QSTR(\"a:b\") == TRUE]. [QSTR] function can't be used with EQUALS"),
                problems("| WHERE QSTR(\"a:b\") == TRUE"));
    }
}
