package dev.rulec.target.regex;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class CaseFoldTest {

    @Test
    void characterLoweringChangesExactlyTheCodePointsStringLoweringChanges() {
        // CaseFold's table skips code points Character.toLowerCase leaves alone; that must lose none.
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String s = Character.toString(cp);
            boolean stringLowers = !s.toLowerCase(Locale.ROOT).equals(s);
            if (stringLowers != (Character.toLowerCase(cp) != cp)) {
                fail(String.format("U+%04X: String and Character lowering disagree", cp));
            }
        }
    }

    @Test
    void variantsAreTheCodePointsThatLowerAlike() {
        assertArrayEquals(new int[] {'A', 'a'}, CaseFold.variants('a'));
        assertArrayEquals(new int[] {'K', 'k', 0x212A}, CaseFold.variants('k')); // KELVIN SIGN lowers to k
        assertArrayEquals(new int[] {'1'}, CaseFold.variants('1'));
        assertTrue(CaseFold.hasCase("C:\\Windows"));
        assertFalse(CaseFold.hasCase("1234-_"));
        assertTrue(CaseFold.asciiOnly("abc"));
        assertFalse(CaseFold.asciiOnly("k"));
    }
}
