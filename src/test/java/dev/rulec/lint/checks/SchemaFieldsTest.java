package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaFieldsTest {

    @Test
    void acceptsSchemaFieldsAndLeavesUnknownNamespacesAlone() {
        assertEquals(List.of(), run(new SchemaFields(), CLEAN,
                with("event.action: x", "process.name: \\\"cmd.exe\\\" and okta.actor.id: *")));
    }

    @Test
    void reportsAMisspeltFieldWithTheNearestName() {
        assertEquals(List.of("r.toml:16:1: warning: field [process.nmae] is not in the built-in schema of the indices [logs-*] (did "
                        + "you mean "
                        + "[process.name]?) [schema-fields]"),
                lines(run(new SchemaFields(), with("event.action: x", "event.action: x and process.nmae: y"))));
    }

    @Test
    void acceptsKeysUnderAFlattenedField() {
        assertEquals(List.of(), run(new SchemaFields(), with("logs-*", "logs-aws.cloudtrail-*").replace(
                "event.action: x", "aws.cloudtrail.flattened.request_parameters.key: x")));
    }

    @Test
    void skipsQueriesThatDoNotParse() {
        assertEquals(List.of(), run(new SchemaFields(), with("event.action: x", "process.nmae: (")));
    }
}
