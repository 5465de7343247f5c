package dev.rulec.lang.eql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EqlFieldsTest {
    private static EqlQuery parse(String text) {
        return EqlParser.parse(text).query().orElseThrow();
    }

    @Test
    void collectsFieldsOfConditionsJoinKeysAndPipesWithPositions() {
        EqlQuery q = parse("sequence by host.id [process where process.name : \"a\" and ?process.args_count > 2]\n"
                + "  [network where startsWith(destination.ip, \"10.\")] | unique user.name");
        List<String> paths = EqlFields.of(q).stream().map(f -> f.path() + (f.optional() ? "?" : "") + "@" + f.line()
                + ":" + f.column()).toList();
        assertEquals(List.of("host.id@1:13", "process.name@1:36", "process.args_count?@1:59",
                "destination.ip@2:29", "user.name@2:62"), paths);
        assertEquals(List.of("process", "network"), EqlFields.categories(q));
    }
}
