package dev.rulec.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How alerts are shaped once the detection matched: overrides, exceptions, suppression, actions. */
public record Alerting(List<SeverityMapping> severityMapping, List<RiskScoreMapping> riskScoreMapping,
                       Optional<String> ruleNameOverride, Optional<String> timestampOverride,
                       Optional<Boolean> timestampOverrideFallbackDisabled, Optional<String> buildingBlockType,
                       List<ExceptionListRef> exceptionsList, Optional<AlertSuppression> alertSuppression,
                       Optional<Boolean> enabled, Optional<String> namespace, Optional<String> throttle,
                       Value.Arr actions, Value.Arr responseActions) {
    public Alerting {
        severityMapping = List.copyOf(severityMapping);
        riskScoreMapping = List.copyOf(riskScoreMapping);
        Objects.requireNonNull(ruleNameOverride, "ruleNameOverride is null");
        Objects.requireNonNull(timestampOverride, "timestampOverride is null");
        Objects.requireNonNull(timestampOverrideFallbackDisabled, "timestampOverrideFallbackDisabled is null");
        Objects.requireNonNull(buildingBlockType, "buildingBlockType is null");
        exceptionsList = List.copyOf(exceptionsList);
        Objects.requireNonNull(alertSuppression, "alertSuppression is null");
        Objects.requireNonNull(enabled, "enabled is null");
        Objects.requireNonNull(namespace, "namespace is null");
        Objects.requireNonNull(throttle, "throttle is null");
        Objects.requireNonNull(actions, "actions is null");
        Objects.requireNonNull(responseActions, "responseActions is null");
    }

    public static Alerting defaults() {
        return new Alerting(List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new Value.Arr(List.of()), new Value.Arr(List.of()));
    }

    public record SeverityMapping(String field, String operator, String value, Severity severity) {
    }

    public record RiskScoreMapping(String field, String operator, String value, Optional<Long> riskScore) {
    }

    public record ExceptionListRef(String id, String listId, String type, String namespaceType) {
    }

    /**
     * Suppress repeated alerts with the same {@code groupBy} values, for {@code duration} (or the rule run).
     *
     * @param duration e.g. {@code 5m}; {@code (value, unit)} as Kibana sends it
     */
    public record AlertSuppression(List<String> groupBy, Optional<Duration> duration,
                                   Optional<String> missingFieldsStrategy) {
        public AlertSuppression {
            groupBy = List.copyOf(groupBy);
        }
    }

    public record Duration(long value, String unit) {
    }
}
