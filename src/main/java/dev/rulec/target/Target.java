package dev.rulec.target;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The query languages rulec renders the IR into. */
public enum Target {
    KQL, ESQL, LUCENE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Target> fromCliName(String s) {
        return Arrays.stream(values()).filter(t -> t.cliName().equals(s)).findFirst();
    }
}
