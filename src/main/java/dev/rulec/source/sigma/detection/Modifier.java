package dev.rulec.source.sigma.detection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every value modifier of Sigma specification v2.1, by the name written after {@code |}. */
public enum Modifier {
    // value transformations, applied in the order written
    CONTAINS(Kind.TRANSFORM), STARTSWITH(Kind.TRANSFORM), ENDSWITH(Kind.TRANSFORM),
    BASE64(Kind.TRANSFORM), BASE64OFFSET(Kind.TRANSFORM),
    UTF16LE(Kind.TRANSFORM), UTF16BE(Kind.TRANSFORM), UTF16(Kind.TRANSFORM), WIDE(Kind.TRANSFORM),
    WINDASH(Kind.TRANSFORM), EXPAND(Kind.TRANSFORM),
    // how the value is compared
    RE(Kind.COMPARISON), CIDR(Kind.COMPARISON), EXISTS(Kind.COMPARISON), FIELDREF(Kind.COMPARISON),
    GT(Kind.COMPARISON), GTE(Kind.COMPARISON), LT(Kind.COMPARISON), LTE(Kind.COMPARISON),
    MINUTE(Kind.COMPARISON), HOUR(Kind.COMPARISON), DAY(Kind.COMPARISON), WEEK(Kind.COMPARISON),
    MONTH(Kind.COMPARISON), YEAR(Kind.COMPARISON),
    // flags
    ALL(Kind.FLAG), CASED(Kind.FLAG), NEQ(Kind.FLAG),
    I(Kind.REGEX_FLAG), M(Kind.REGEX_FLAG), S(Kind.REGEX_FLAG);

    public enum Kind { TRANSFORM, COMPARISON, FLAG, REGEX_FLAG }

    private final Kind kind;

    Modifier(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By its written name; the regex flags also have long names ({@code ignorecase}, {@code multiline}, {@code dotall}). */
    public static Optional<Modifier> fromName(String name) {
        switch (name) {
            case "ignorecase":
                return Optional.of(I);
            case "multiline":
                return Optional.of(M);
            case "dotall":
                return Optional.of(S);
            default:
                return Arrays.stream(values()).filter(m -> m.sigmaName().equals(name)).findFirst();
        }
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(Modifier::sigmaName).collect(Collectors.joining(", "));
    }

    public boolean isDatePart() {
        return this == MINUTE || this == HOUR || this == DAY || this == WEEK || this == MONTH || this == YEAR;
    }

    public boolean isComparison() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }
}
