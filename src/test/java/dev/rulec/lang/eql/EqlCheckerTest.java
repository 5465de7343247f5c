package dev.rulec.lang.eql;

import dev.rulec.schema.Schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EqlCheckerTest {

    private static List<String> problems(String query, Optional<Schema> schema) {
        EqlQuery q = EqlParser.parse(query).query().orElseThrow();
        return EqlChecker.check(q, query, schema).stream().map(EqlChecker.Problem::toString).toList();
    }

    @Test
    void unknownFunctionsAndWrongArgumentCountsArePlacedAtTheCall() {
        assertEquals(List.of("line 1:38: Unknown function [startWith]",
                        "line 2:5: function [substring] takes 2 to 3 arguments, not 1"),
                problems("process where process.name : \"a\" and startWith(process.name, \"x\") and\n    "
                        + "substring(process.name) == \"b\"", Optional.empty()));
    }

    @Test
    void functionNamesMatchWhateverTheirCaseAndCaseInsensitiveCallsAreFine() {
        assertEquals(List.of(), problems("any where startsWith~(a, \"x\") and CIDRMATCH(b, \"10.0.0.0/8\", \"::1/128\")"
                + " and length(c) > 1 and concat(a) == \"x\"", Optional.empty()));
    }

    @Test
    void maxspanNeedsAnEqlTimeUnit() {
        assertEquals(List.of("line 1:35: unknown time unit [w] in maxspan; use one of nanos, micros, ms, s, m, h, d"),
                problems("sequence by host.id with maxspan=2w [any where true] [any where true]", Optional.empty()));
        assertEquals(List.of(), problems("sequence with maxspan=500ms [any where true] [any where true]", Optional.empty()));
    }

    @Test
    void fieldsAreCheckedOnlyAgainstASchemaThatKnowsThemAll() {
        Optional<Schema> cloudtrail = Schema.bundledFor(List.of("logs-aws.cloudtrail-*"));
        assertEquals(List.of("line 1:34: Unknown column [event.actoin]"),
                problems("any where event.action == \"x\" or event.actoin == \"y\" or ?aws.nosuch == 1", cloudtrail));
        assertEquals(List.of(), problems("any where event.actoin == \"y\"", Optional.empty()));
    }
}
