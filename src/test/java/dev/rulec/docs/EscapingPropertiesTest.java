package dev.rulec.docs;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EscapingPropertiesTest {
    private static final Parser PARSER = Parser.builder().build();

    @Property
    void escapedMarkdownTextParsesBackToTheSameText(@ForAll("oneLine") String s) {
        StringBuilder seen = new StringBuilder();
        PARSER.parse("x " + MarkdownWriter.escape(s) + " x").accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                seen.append(text.getLiteral());
            }
        });
        assertEquals(("x " + s + " x").replaceAll(" +", " ").strip(), seen.toString().replaceAll(" +", " ").strip());
    }

    @Property
    void codeSpansKeepTheirText(@ForAll("oneLine") String s) {
        net.jqwik.api.Assume.that(!s.isBlank() && s.strip().equals(s));
        StringBuilder seen = new StringBuilder();
        PARSER.parse(MarkdownWriter.code(s)).accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                seen.append(code.getLiteral());
            }
        });
        assertEquals(s, seen.toString());
    }

    @Property
    void escapedHtmlHasNoMarkupCharacters(@ForAll String s) {
        String e = Html.escape(s);
        assertFalse(e.contains("<") || e.contains(">") || e.contains("\"") || e.contains("'"));
        assertEquals(s, e.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&"));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> oneLine() {
        return net.jqwik.api.Arbitraries.strings().withChars("ab _*`[]<>|#\\!&()-+.~=:1中").ofMaxLength(20)
                .filter(x -> !x.isBlank());
    }
}
