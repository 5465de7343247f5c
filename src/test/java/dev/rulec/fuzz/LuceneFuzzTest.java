package dev.rulec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.lang.lucene.LuceneFormatter;
import dev.rulec.lang.lucene.LuceneParser;
import dev.rulec.lang.lucene.LuceneQuery;

import org.junit.jupiter.api.Timeout;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lucene query_string parser on arbitrary text: a tree, or exactly one diagnostic inside the query (which starts
 * mid-line, as in a TOML file), never an exception; and a tree's formatted text parses to the same tree.
 */
class LuceneFuzzTest {

    @FuzzTest
    @Timeout(10)
    void parserGivesATreeOrOnePositionedError(byte[] data) {
        Optional<String> text = FuzzInput.utf8(data);
        if (text.isEmpty()) {
            return;
        }
        SourcePos start = new SourcePos("rule.toml", 12, 9);
        Diagnostics diags = new Diagnostics();
        Optional<LuceneQuery.Bool> tree = LuceneParser.parse(text.get(), start, diags);
        if (tree.isPresent()) {
            assertTrue(diags.isEmpty(), diags.all()::toString);
            String formatted = LuceneFormatter.format(tree.get());
            Diagnostics again = new Diagnostics();
            assertEquals(tree, LuceneParser.parse(formatted, start, again), () -> formatted + " " + again.all());
        } else {
            assertEquals(1, diags.all().size(), diags.all()::toString);
        }
        diags.all().forEach(d -> FuzzInput.assertInside(text.get(), start, d));
    }
}
