package dev.rulec.fuzz;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.SourcePos;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every fuzz target checks about its input's diagnostics: each one is placed in the input it came from — the right
 * file, a line the text has, a column no further than one past the longest line. Rules are read as UTF-8 files, so the
 * bytes are decoded as rulec decodes a file; bytes that are not UTF-8 are not text rulec ever sees.
 */
final class FuzzInput {
    private FuzzInput() {
    }

    /** The bytes as text, or empty when they are not valid UTF-8. */
    static Optional<String> utf8(byte[] data) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The diagnostic lies inside {@code text}, which starts at {@code start} of {@code start.file()}. */
    static void assertInside(String text, SourcePos start, Diagnostic d) {
        assertInside(text, start, d.pos(), d::format);
    }

    static void assertInside(String text, SourcePos start, SourcePos p, java.util.function.Supplier<String> what) {
        assertEquals(start.file(), p.file(), what);
        // Readers disagree on line breaks (ANTLR: LF only; YAML: also CR, NEL, LS, PS): count every kind for the last
        // line, and split at LF only for the longest line, so both bounds hold for every reader.
        int lines = 1;
        int longest = 0;
        int current = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                lines++;
            }
            if (c == '\n') {
                lines++;
                current = 0;
            } else {
                longest = Math.max(longest, ++current);
            }
        }
        int lastLine = start.line() + lines - 1;
        int lastColumn = start.column() + longest; // one past the longest line, shifted by where the text starts
        int line = p.line();
        int column = p.column();
        assertTrue(line >= start.line() && line <= lastLine, () -> "line outside the input: " + what.get());
        assertTrue(column >= 1 && column <= lastColumn, () -> "column outside the input: " + what.get());
    }
}
