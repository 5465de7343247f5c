package dev.rulec.deploy;

import dev.rulec.diag.Diagnostic;
import dev.rulec.kibana.KibanaVersion;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a deploy would do, per rule_id, in source order (deletes last), plus warnings and errors found while planning
 * (fields dropped for an older stack, conflicts). Computed by {@link Deployer#plan}; applied by {@link Deployer#apply}.
 */
public record Plan(KibanaVersion kibanaVersion, List<PlanEntry> entries, List<Diagnostic> diagnostics) {
    public Plan {
        entries = List.copyOf(entries);
        diagnostics = List.copyOf(diagnostics);
    }

    public Map<Action, Integer> counts() {
        Map<Action, Integer> m = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            m.put(a, 0);
        }
        entries.forEach(e -> m.merge(e.action(), 1, Integer::sum));
        return m;
    }

    /** Whether applying would write anything. */
    public boolean hasChanges() {
        return entries.stream().anyMatch(e -> e.action().writes());
    }

    /** Whether planning found an error (a conflict, a rule the stack cannot run): the run must end with exit 1. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
