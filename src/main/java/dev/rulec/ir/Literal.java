package dev.rulec.ir;

import java.math.BigDecimal;
import java.util.Objects;

/** A value a field is compared with. */
public sealed interface Literal {

    /** A string, possibly with wildcards. */
    record Str(Pattern pattern) implements Literal {
        public Str {
            Objects.requireNonNull(pattern, "pattern is null");
        }
    }

    /** A number; matches a numeric field with that value, or a string field holding its canonical text. */
    record Num(BigDecimal value) implements Literal {
        public Num {
            Objects.requireNonNull(value, "value is null");
        }

        public static Num of(long v) {
            return new Num(BigDecimal.valueOf(v));
        }

        public String text() {
            return value.stripTrailingZeros().scale() <= 0
                    ? value.toBigInteger().toString()
                    : value.stripTrailingZeros().toPlainString();
        }
    }

    record Bool(boolean value) implements Literal {
    }

    static Literal string(String s) {
        return new Str(Pattern.literal(s));
    }
}
