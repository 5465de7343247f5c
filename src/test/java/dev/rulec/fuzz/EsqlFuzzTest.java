package dev.rulec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.rulec.diag.SourcePos;
import dev.rulec.lang.esql.EsqlAnalyzer;
import dev.rulec.lang.esql.EsqlParser;
import dev.rulec.lang.esql.EsqlProblem;

import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * ES|QL parser and analyzer on arbitrary text: a query or positioned problems, never an exception. Seeds and crash
 * reproducers: {@code src/test/resources/dev/rulec/fuzz/EsqlFuzzTestInputs/<method>/}.
 */
class EsqlFuzzTest {

    private static final EsqlAnalyzer ANALYZER = EsqlAnalyzer.withBuiltinSchemas();

    @FuzzTest
    @Timeout(10)
    void parserGivesAQueryOrOnePositionedProblem(byte[] data) {
        Optional<String> text = FuzzInput.utf8(data);
        if (text.isEmpty()) {
            return;
        }
        EsqlParser.Result r = EsqlParser.parse(text.get());
        if (r.ok()) {
            assertEquals(List.of(), r.problems());
        } else {
            assertEquals(1, r.problems().size(), r.problems()::toString);
            assertInside(text.get(), r.problems().get(0));
        }
    }

    @FuzzTest
    @Timeout(10)
    void analyzerGivesPositionedProblemsOnly(byte[] data) {
        Optional<String> text = FuzzInput.utf8(data);
        if (text.isEmpty()) {
            return;
        }
        for (EsqlProblem p : ANALYZER.check(text.get())) {
            assertFalse(p.message().isBlank(), p::toString);
            assertInside(text.get(), p);
        }
    }

    private static void assertInside(String text, EsqlProblem p) {
        SourcePos start = SourcePos.startOf("q");
        FuzzInput.assertInside(text, start, new SourcePos(start.file(), p.line(), p.column()), p::toString);
    }
}
