package dev.rulec.source.sigma;

import dev.rulec.source.sigma.yaml.YamlException;
import dev.rulec.source.sigma.yaml.YamlLimits;
import dev.rulec.source.sigma.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile YAML is refused with a positioned message, not loaded (no timing assertions: limits are structural). */
class HostileYamlTest {

    private final YamlReader reader = new YamlReader(YamlLimits.defaults());

    @Test
    void refusesAliasBombs() {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                sb.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        YamlException e = assertThrows(YamlException.class, () -> reader.readString(sb.toString(), "bomb.yml"));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        YamlException e = assertThrows(YamlException.class, () -> reader.readString(deep, "deep.yml"));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void refusesHugeDocuments() {
        String huge = "a: '" + "x".repeat(3_000_000) + "'\n";
        YamlException e = assertThrows(YamlException.class, () -> reader.readString(huge, "huge.yml"));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void refusesRecursiveAliases() {
        YamlException e = assertThrows(YamlException.class, () -> reader.readString("a: &a [*a]\n", "rec.yml"));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void refusesDuplicateKeysAtTheSecondKey() {
        YamlException e = assertThrows(YamlException.class, () -> reader.readString("a: 1\nb: 2\na: 3\n", "dup.yml"));
        assertEquals("dup.yml:3:1", e.pos().toString());
    }

    @Test
    void reportsSyntaxErrorsWithTheirPosition() {
        YamlException e = assertThrows(YamlException.class, () -> reader.readString("a: [1, 2\nb: 3\n", "bad.yml"));
        assertTrue(e.getMessage().startsWith("invalid YAML"), e.getMessage());
        assertEquals(2, e.pos().line());
    }

    @Test
    void refusesGlobalTagsInsteadOfConstructingObjects() {
        YamlException e = assertThrows(YamlException.class,
                () -> reader.readString("a: !!javax.script.ScriptEngineManager [x]\n", "tag.yml"));
        assertTrue(e.getMessage().contains("Global tag is not allowed"), e.getMessage());
    }
}
