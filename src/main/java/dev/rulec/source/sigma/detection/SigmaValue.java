package dev.rulec.source.sigma.detection;

import dev.rulec.ir.Pattern;

import java.math.BigDecimal;
import java.util.Objects;

/** A detection value while modifiers are applied to it. */
sealed interface SigmaValue {

    record Str(Pattern pattern) implements SigmaValue {
        public Str {
            Objects.requireNonNull(pattern, "pattern is null");
        }
    }

    /** A number; {@code text} is how it was written. */
    record Num(BigDecimal value, String text) implements SigmaValue {
    }

    record Bool(boolean value) implements SigmaValue {
    }

    record Null() implements SigmaValue {
    }

    /** Encoded bytes (after utf16…), waiting for base64. */
    record Bytes(byte[] bytes) implements SigmaValue {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && java.util.Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes" + java.util.Arrays.toString(bytes);
        }
    }
}
