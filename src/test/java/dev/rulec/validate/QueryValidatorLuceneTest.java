package dev.rulec.validate;

import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.source.toml.TomlRuleReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryValidatorLuceneTest {

    private static final String RULE = """
            [metadata]
            creation_date = "2026/01/01"
            maturity = "production"
            updated_date = "2026/01/01"

            [rule]
            author = ["t"]
            description = "d"
            name = "Lucene Rule"
            risk_score = 21
            rule_id = "11111111-2222-4333-8444-555555555555"
            severity = "low"
            type = "query"
            index = ["logs-*"]
            language = "lucene"
            query = "event.action:x AND"
            """;

    @TempDir
    Path tmp;

    /** Read from a file: positions inside the query are found by reading the file's line again. */
    private LoadedRule load(String text) throws IOException {
        Path file = tmp.resolve("r.toml");
        Files.writeString(file, text);
        Diagnostics d = new Diagnostics();
        LoadedRule r = TomlRuleReader.read(file, d).orElseThrow(() -> new AssertionError(d.all()));
        assertTrue(d.isEmpty(), d.all()::toString);
        return r;
    }

    @Test
    void aLuceneQueryInATomlRuleIsTheRuleAuthorsError() throws IOException {
        Diagnostics d = new Diagnostics();
        QueryValidator.check(load(RULE), d);
        assertEquals(1, d.all().size(), d.all()::toString);
        assertEquals(tmp.resolve("r.toml") + ":16:28: error: unexpected end of query, expecting one of <modifier>, <term>, ("
                + " [lucene.syntax]", d.all().get(0).format());
    }

    @Test
    void aLuceneQueryRulecWroteThatItsGrammarRefusesIsABugInRulec() throws IOException {
        LoadedRule toml = load(RULE);
        LoadedRule sigma = new LoadedRule(toml.rule(), LoadedRule.SourceFormat.SIGMA, toml.origin(), toml.positions());
        Diagnostics d = new Diagnostics();
        QueryValidator.check(sigma, d);
        assertEquals(1, d.all().size(), d.all()::toString);
        assertEquals(tmp.resolve("r.toml") + ":1:1: error: rulec wrote the Lucene query [event.action:x AND], which its own Lucene grammar"
                + " refuses at 1:19: unexpected end of query, expecting one of <modifier>, <term>, ( (this is a bug in"
                + " rulec; please report it with the rule file) [lucene.internal-error]", d.all().get(0).format());
    }

    @Test
    void validLuceneQueriesPass() throws IOException {
        Diagnostics d = new Diagnostics();
        QueryValidator.check(load(RULE.replace("event.action:x AND", "event.action:x AND NOT _exists_:user.name")), d);
        assertTrue(d.isEmpty(), d.all()::toString);
    }
}
