package dev.rulec.kibana;

import java.util.List;

/**
 * What one {@code _import} call did.
 *
 * @param errors per-rule failures, by rule_id as Kibana reports them
 */
public record ImportResult(int successCount, List<RuleError> errors) {
    public ImportResult {
        errors = List.copyOf(errors);
    }
}
