package dev.rulec.deploy;

/** What a plan does with one rule_id. */
public enum Action {
    CREATE, UPDATE, UNCHANGED, DELETE,
    /** The rule_id exists in Kibana without rulec's marker, or twice in the source: nothing is done, it is an error. */
    CONFLICT,
    /** The rule cannot go to this Kibana (its min_stack_version or rule type is newer): nothing is done. */
    SKIP;

    public boolean writes() {
        return this == CREATE || this == UPDATE || this == DELETE;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
