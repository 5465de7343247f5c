package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DuplicateQueryTest {

    @Test
    void acceptsDifferentQueriesAndTheSameQueryOverOtherIndices() {
        assertEquals(List.of(), run(new DuplicateQuery(), CLEAN, with("event.action: x", "event.action: y"),
                with("logs-*", "winlogbeat-*")));
    }

    @Test
    void acceptsTheSameQueryWithDifferentFilters() {
        // Sigma rules whose regexes are Query DSL filters often share the query (their pipeline's conditions).
        String filter = "query = \"event.action: x\"\nfilters = [{meta = {type = \"custom\"}, query = {regexp = "
                + "{\"process.name\" = {value = \"%s\"}}}}]";
        assertEquals(List.of(), run(new DuplicateQuery(), with("query = \"event.action: x\"", String.format(filter, "a.*")),
                with("query = \"event.action: x\"", String.format(filter, "b.*"))));
    }

    @Test
    void reportsTheSameQueryOverTheSameIndicesWhateverTheWhitespace() {
        assertEquals(List.of(
                "r0.toml:16:1: warning: the same query over the same indices is in r1.toml (merge the rules, or make "
                        + "their queries differ) [duplicate-query]",
                "r1.toml:16:1: warning: the same query over the same indices is in r0.toml (merge the rules, or make "
                        + "their queries differ) [duplicate-query]"),
                lines(run(new DuplicateQuery(), CLEAN, with("event.action: x", "event.action:   x\\n"))));
    }

    @Test
    void reportsTheSameQueryOverOverlappingIndices() {
        assertEquals(List.of(
                "r0.toml:16:1: warning: the same query over overlapping indices is in r1.toml (merge the rules, or "
                        + "split the indices they search) [duplicate-query]",
                "r1.toml:16:1: warning: the same query over overlapping indices is in r0.toml (merge the rules, or "
                        + "split the indices they search) [duplicate-query]"),
                lines(run(new DuplicateQuery(), CLEAN, with("[\"logs-*\"]", "[\"logs-*\", \"winlogbeat-*\"]"))));
    }
}
