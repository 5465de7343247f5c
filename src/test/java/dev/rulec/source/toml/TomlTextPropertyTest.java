package dev.rulec.source.toml;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Any string written by the TOML writer reads back unchanged, by both TOML parsers. */
class TomlTextPropertyTest {

    @Property(tries = 2000)
    void stringsSurviveBothParsers(@ForAll String s) throws Exception {
        String doc = "a = " + TomlText.string(s) + "\nq = " + TomlText.query(s) + "\n";
        TomlParseResult r = Toml.parse(doc);
        assertFalse(r.hasErrors(), () -> r.errors() + " in " + doc);
        assertEquals(s, r.getString("a"));
        assertEquals(s, r.getString("q"));
        var jackson = new com.fasterxml.jackson.dataformat.toml.TomlMapper().readTree(doc);
        assertEquals(s, jackson.get("a").asText());
        assertEquals(s, jackson.get("q").asText());
    }

    @Property(tries = 500)
    void multiLineStringsWithQuotesAndBackslashesSurvive(@ForAll("tricky") String s) throws Exception {
        stringsSurviveBothParsers(s);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> tricky() {
        return net.jqwik.api.Arbitraries.strings().withChars('\n', '"', '\'', '\\', 'a', '\t', '\r', 'é', '*')
                .ofMaxLength(12);
    }
}
