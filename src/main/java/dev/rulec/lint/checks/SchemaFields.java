package dev.rulec.lint.checks;

import dev.rulec.diag.NearestName;
import dev.rulec.diag.Severity;
import dev.rulec.ir.ExprFields;
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
        for (String f : ExprFields.of(parsed.get().expr())) {
            int dot = f.indexOf('.');
            if (dot < 0 || !namespaces.contains(f.substring(0, dot)) || schema.field(f).isPresent()
                    || schema.isFlattenedKey(f)) {
                continue;
            }
            Optional<String> near = NearestName.of(f, schema.fieldNames());
            out.report(lr.posOf("rule.query"), "field [" + f + "] is not in the built-in schema of the indices "
                    + Queries.indices(lr.rule().detection()),
                    near.map(n -> "did you mean [" + n + "]?").orElse("check the spelling, or give a schema that "
                            + "maps it"));
        }
    }

    private static Set<String> namespaces(SortedSet<String> fields) {
        Set<String> out = new HashSet<>();
        for (String f : fields) {
            int dot = f.indexOf('.');
            out.add(dot < 0 ? f : f.substring(0, dot));
        }
        return out;
    }
}
