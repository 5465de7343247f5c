package dev.rulec.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostic;

import java.util.Locale;
import java.util.Map;

/**
 * How a plan and a result are shown: a table for a terminal, JSON for {@code --format json}, and the closing summary.
 * Payload bodies are never printed (they are the user's own files); only rule_ids, names, sources and changed fields.
 */
public final class PlanReport {
    private PlanReport() {
    }

    /** One line per rule that changes or fails (unchanged rules are counted, not listed), then the counts. */
    public static String table(Plan plan) {
        StringBuilder sb = new StringBuilder();
        for (PlanEntry e : plan.entries()) {
            if (e.action() == Action.UNCHANGED) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-9s %-40s %s", e.action().label(), e.ruleId(), detail(e))).append('\n');
        }
        for (Diagnostic d : plan.diagnostics()) {
            sb.append(d.format()).append('\n');
        }
        return sb.append(counts(plan.counts())).append('\n').toString();
    }

    private static String detail(PlanEntry e) {
        String where = e.source().map(s -> s.file()).orElse("(only in Kibana)");
        String what = !e.changes().isEmpty() ? " [" + String.join(", ", e.changes()) + "]"
                : e.reason().isEmpty() ? "" : " (" + e.reason() + ")";
        return where + what;
    }

    public static ObjectNode json(Plan plan) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode().put("kibana_version", plan.kibanaVersion().toString());
        ObjectNode counts = root.putObject("counts");
        plan.counts().forEach((a, n) -> counts.put(a.label(), n));
        ArrayNode rules = root.putArray("rules");
        for (PlanEntry e : plan.entries()) {
            ObjectNode r = rules.addObject().put("action", e.action().label()).put("rule_id", e.ruleId());
            e.source().ifPresent(s -> r.put("source", s.toString()));
            e.kibanaId().ifPresent(id -> r.put("id", id));
            if (!e.name().isEmpty()) {
                r.put("name", e.name());
            }
            if (!e.changes().isEmpty()) {
                ArrayNode c = r.putArray("changes");
                e.changes().forEach(c::add);
            }
            if (!e.reason().isEmpty()) {
                r.put("reason", e.reason());
            }
        }
        ArrayNode diags = root.putArray("diagnostics");
        plan.diagnostics().forEach(d -> diags.add(d.format()));
        return root;
    }

    /** Per-rule failures with their source, then one line of totals. */
    public static String summary(DeployResult r) {
        StringBuilder sb = new StringBuilder();
        r.failures().forEach(o -> sb.append(o.format()).append('\n'));
        sb.append(String.format(Locale.ROOT, "%d created, %d updated, %d deleted, %d unchanged, %d failed; "
                        + "%d requests (%d writes, %d retries) in %.1f s",
                r.count(Action.CREATE), r.count(Action.UPDATE), r.count(Action.DELETE), r.count(Action.UNCHANGED),
                r.failures().size(), r.requests(), r.writeRequests(), r.retries(), r.elapsed().toMillis() / 1000.0));
        return sb.append('\n').toString();
    }

    private static String counts(Map<Action, Integer> c) {
        return String.format(Locale.ROOT, "plan: %d to create, %d to update, %d to delete, %d unchanged, %d conflicts, %d skipped",
                c.get(Action.CREATE), c.get(Action.UPDATE), c.get(Action.DELETE), c.get(Action.UNCHANGED),
                c.get(Action.CONFLICT), c.get(Action.SKIP));
    }
}
