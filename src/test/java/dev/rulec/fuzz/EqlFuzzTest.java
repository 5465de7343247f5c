package dev.rulec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.rulec.diag.SourcePos;
import dev.rulec.lang.eql.EqlChecker;
import dev.rulec.lang.eql.EqlParser;
import dev.rulec.schema.Schema;

import org.junit.jupiter.api.Timeout;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * EQL parser and checker on arbitrary text: a query (and the checker's problems, against ECS) or one positioned syntax
 * error, never an exception.
 */
class EqlFuzzTest {

    private static final Schema ECS = Schema.ecs();

    @FuzzTest
    @Timeout(10)
    void parserGivesAQueryOrOnePositionedError(byte[] data) {
        Optional<String> text = FuzzInput.utf8(data);
        if (text.isEmpty()) {
            return;
        }
        EqlParser.Result r = EqlParser.parse(text.get());
        assertNotEquals(r.ok(), r.error().isPresent(), r::toString);
        r.query().ifPresent(q -> EqlChecker.check(q, text.get(), Optional.of(ECS)).forEach(p -> {
            SourcePos start = SourcePos.startOf("q");
            FuzzInput.assertInside(text.get(), start, new SourcePos(start.file(), p.line(), p.column()), p::toString);
        }));
        r.error().ifPresent(e -> {
            SourcePos start = SourcePos.startOf("q");
            FuzzInput.assertInside(text.get(), start, new SourcePos(start.file(), e.line(), e.column()), e::toString);
        });
    }
}
