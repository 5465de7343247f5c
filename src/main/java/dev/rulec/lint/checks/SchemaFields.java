package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.ir.FieldNames;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;
import dev.rulec.schema.Schema;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * Every field a KQL query names is in the built-in schema of the rule's indices (ECS plus the bundled integration
 * tables). Only fields under a namespace the schema knows are judged ({@code process.nmae}, not {@code okta.actor}),
 * so integrations without a bundled table raise nothing.
 */
public final class SchemaFields implements RuleCheck {

    public String id() {
        return "schema-fields";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "A misspelt or unmapped field never matches, so the rule silently never fires.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        Optional<KqlQueries.Parsed> parsed = KqlQueries.of(lr);
        if (parsed.isEmpty()) {
            return;
        }
        Schema schema = parsed.get().schema();
        Set<String> namespaces = namespaces(schema.fieldNames());
        for (String f : FieldNames.of(parsed.get().expr())) {
            int dot = f.indexOf('.');
            if (dot < 0 || !namespaces.contains(f.substring(0, dot)) || schema.field(f).isPresent()
                    || underFlattened(schema, f)) {
                continue;
            }
            Optional<String> near = nearest(f, schema.fieldNames());
            out.report(lr.posOf("rule.query"), "field [" + f + "] is not in the built-in schema of the indices "
                    + Queries.indices(lr.rule().detection()),
                    near.map(n -> "did you mean [" + n + "]?").orElse("check the spelling, or give a schema that "
                            + "maps it"));
        }
    }

    /** Keys under a {@code flattened} field are not mapped one by one. */
    private static boolean underFlattened(Schema schema, String f) {
        for (int dot = f.lastIndexOf('.'); dot > 0; dot = f.lastIndexOf('.', dot - 1)) {
            if (schema.field(f.substring(0, dot)).map(i -> i.type().equals("flattened")).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> namespaces(SortedSet<String> fields) {
        Set<String> out = new HashSet<>();
        for (String f : fields) {
            int dot = f.indexOf('.');
            out.add(dot < 0 ? f : f.substring(0, dot));
        }
        return out;
    }

    /** The schema field within edit distance 2 of {@code f}, if there is one. */
    static Optional<String> nearest(String f, SortedSet<String> fields) {
        String best = null;
        int bestDistance = 3;
        for (String c : fields) {
            if (Math.abs(c.length() - f.length()) >= bestDistance) {
                continue;
            }
            int d = distance(f, c, bestDistance);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once every path exceeds it. */
    private static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
