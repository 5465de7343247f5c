package dev.rulec.target.kql;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a KQL query rule does with a condition KQL cannot express (a regex, a {@code ?} wildcard). */
public enum KqlFilterMode {
    /** The condition becomes a Query DSL filter of the rule, which Kibana ANDs onto the query. */
    DSL,
    /** The rule is an error: pure KQL or nothing. */
    ERROR;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KqlFilterMode> fromCliName(String s) {
        return Arrays.stream(values()).filter(m -> m.cliName().equals(s)).findFirst();
    }
}
