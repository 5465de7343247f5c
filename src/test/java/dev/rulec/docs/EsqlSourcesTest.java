package dev.rulec.docs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EsqlSourcesTest {
    @Test
    void readsIndicesOfTheFromCommand() {
        assertEquals(List.of("logs-endpoint.events.process-*"),
                EsqlSources.of("from logs-endpoint.events.process-* metadata _id, _index | where true"));
        assertEquals(List.of("logs-o365.audit-*", "logs-azure.signinlogs-*", ".alerts-security.*"),
                EsqlSources.of("FROM logs-o365.audit-*, logs-azure.signinlogs-*, .alerts-security.*\n| LIMIT 1"));
    }

    @Test
    void acceptsLineBreaksCommentsAndQuotedSources() {
        assertEquals(List.of("logs-*", "my index"),
                EsqlSources.of("// leading comment\n/* block */ from\n  logs-* ,\n \"my index\"\n| keep a"));
        assertEquals(List.of("a"), EsqlSources.of("from a|stats c = count(*)"));
    }

    @Test
    void findsNothingWithoutALeadingFrom() {
        assertEquals(List.of(), EsqlSources.of("row a = 1 | eval b = a"));
        assertEquals(List.of(), EsqlSources.of("fromage"));
        assertEquals(List.of(), EsqlSources.of("from"));
    }
}
