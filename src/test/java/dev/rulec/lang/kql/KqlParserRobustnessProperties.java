package dev.rulec.lang.kql;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any input gives a tree or exactly one positioned error — never an exception. */
class KqlParserRobustnessProperties {

    @Provide
    Arbitrary<String> inputs() {
        Arbitrary<String> tokens = Arbitraries.of("a", "b.c", ":", " ", "\n", "(", ")", "{", "}", "\"", "\\", "*", "<",
                ">=", "or", "and", "not", "OR", "\"x y\"", "\\:", "\\u00e9", "\\u12", "null", "true", "1.5", "*:*", "é");
        return tokens.list().ofMaxSize(25).map(l -> String.join("", l));
    }

    @Property(tries = 1500)
    void parsesOrReportsOneErrorInsideTheQuery(@ForAll("inputs") String q) {
        Diagnostics d = new Diagnostics();
        SourcePos start = new SourcePos("f.toml", 7, 3);
        Optional<Expr> e = KqlParser.parse(q, start, d);
        if (e.isPresent()) {
            assertTrue(d.isEmpty(), d.all()::toString);
            return;
        }
        assertEquals(1, d.all().size());
        SourcePos p = d.all().get(0).pos();
        long lines = q.chars().filter(c -> c == '\n').count();
        assertTrue(p.line() >= 7 && p.line() <= 7 + lines, () -> q + " → " + p);
    }
}
