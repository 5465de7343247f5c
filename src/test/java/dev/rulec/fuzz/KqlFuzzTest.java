package dev.rulec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.schema.Schema;

import org.junit.jupiter.api.Timeout;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KQL parser on arbitrary text, with field-name patterns expanded against the ECS fields: a tree, or exactly one
 * diagnostic inside the query (which starts mid-line, as in a TOML file), never an exception.
 */
class KqlFuzzTest {

    private static final Collection<String> FIELDS = Schema.forIndexPatterns(List.of("logs-*")).fieldNames();

    @FuzzTest
    @Timeout(10)
    void parserGivesATreeOrOnePositionedError(byte[] data) {
        Optional<String> text = FuzzInput.utf8(data);
        if (text.isEmpty()) {
            return;
        }
        SourcePos start = new SourcePos("rule.toml", 12, 9);
        Diagnostics diags = new Diagnostics();
        Optional<Expr> tree = KqlParser.parse(text.get(), start, FIELDS, diags);
        if (tree.isPresent()) {
            assertTrue(diags.all().stream().noneMatch(d -> d.isError()), diags.all()::toString);
        } else {
            assertEquals(1, diags.all().size(), diags.all()::toString);
        }
        diags.all().forEach(d -> FuzzInput.assertInside(text.get(), start, d));
    }
}
