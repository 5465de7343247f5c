package dev.rulec.kibana;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a create-rule payload against Kibana's constraints, offline: required fields per type, enums, ranges,
 * date-math and interval formats, 1–3 new-terms fields, threshold ≥ 1, no index on ES|QL rules, no unknown fields.
 */
public final class PayloadValidator {

    private PayloadValidator() {
    }

    /** One message per problem, each naming the payload field; empty when Kibana would accept the payload. */
    public static List<String> problems(JsonNode payload) {
        List<String> problems = new ArrayList<>();
        Optional<String> type = PayloadBuilder.textOf(payload.get("type"));
        if (!payload.isObject()) {
            return List.of("a rule payload must be a JSON object");
        }
        if (type.isEmpty()) {
            return List.of("type is required (one of " + KibanaRuleSpecs.BY_TYPE.keySet().stream().sorted().toList()
                    + ")");
        }
        Spec.Obj spec = KibanaRuleSpecs.BY_TYPE.get(type.get());
        if (spec == null) {
            return List.of("type [" + type.get() + "] is not a Kibana rule type (one of "
                    + KibanaRuleSpecs.BY_TYPE.keySet().stream().sorted().toList() + ")");
        }
        spec.check(payload, "", problems);
        return problems;
    }
}
