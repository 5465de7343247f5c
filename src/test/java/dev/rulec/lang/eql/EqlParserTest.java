package dev.rulec.lang.eql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EqlParserTest {

    private static EqlQuery parse(String q) {
        EqlParser.Result r = EqlParser.parse(q);
        return r.query().orElseThrow(() -> new AssertionError(r.error()));
    }

    @Test
    void readsAnEventQueryWithInsensitiveOperators() {
        EqlQuery.Event e = (EqlQuery.Event) parse(
                "process where process.name : (\"cmd.exe\", \"pwsh*\") and process.args like~ \"-enc*\""
                        + " and not ?process.parent.name in~ (\"explorer.exe\") and startsWith~(process.name, \"x\")");
        assertEquals("process", e.query().category());
    }

    @Test
    void readsSequencesWithMaxspanRunsUntilAndMissingEvents() {
        EqlQuery.Sequence s = (EqlQuery.Sequence) parse("""
                sequence by host.id with maxspan=30s
                  [process where event.type == "start"] by process.entity_id
                  ![file where true] with runs=2
                until [process where event.type == "end"]
                | head 5""");
        assertEquals("30s", s.maxspan().orElseThrow());
        assertEquals(2, s.terms().size());
        assertTrue(s.terms().get(1).missing());
        assertTrue(s.until().isPresent());
        assertEquals("head", s.pipes().get(0).name());
    }

    @Test
    void readsSamplesAndStringForms() {
        EqlQuery.Sample s = (EqlQuery.Sample) parse(
                "sample by host.id [any where file.path : \"C:\\\\Windows\\\\*\"] [network where destination.port == 443]");
        EqlExpr.StringMatch m = (EqlExpr.StringMatch) s.terms().get(0).query().condition();
        assertEquals("C:\\Windows\\*", ((EqlExpr.Literal) m.patterns().get(0)).value());
        EqlQuery.Event raw = (EqlQuery.Event) parse("file where file.path : \"\"\"C:\\Temp\\*\"\"\"");
        assertEquals("C:\\Temp\\*",
                ((EqlExpr.Literal) ((EqlExpr.StringMatch) raw.query().condition()).patterns().get(0)).value());
    }

    @Test
    void syntaxErrorIsPositioned() {
        EqlParser.Result r = EqlParser.parse("process where\n  process.name == ");
        assertFalse(r.ok());
        assertEquals(2, r.error().orElseThrow().line());
    }
}
