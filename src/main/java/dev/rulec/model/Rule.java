package dev.rulec.model;

import java.util.Objects;

/**
 * A detection rule, independent of the format it was read from and the target it is compiled to.
 * Positions are not part of it (see {@link LoadedRule}), so two rules read from different layouts compare equal.
 *
 * @param transform detection-rules investigation transforms (osquery, investigate), kept as written
 * @param translations the rule's prose in other languages (none when the source carries none)
 */
public record Rule(String ruleId, String name, String description, Severity severity, long riskScore,
                   Detection detection, About about, Schedule schedule, Alerting alerting, Metadata metadata,
                   Value.Obj transform, Translations translations) {
    public Rule {
        Objects.requireNonNull(ruleId, "ruleId is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(severity, "severity is null");
        Objects.requireNonNull(detection, "detection is null");
        Objects.requireNonNull(about, "about is null");
        Objects.requireNonNull(schedule, "schedule is null");
        Objects.requireNonNull(alerting, "alerting is null");
        Objects.requireNonNull(metadata, "metadata is null");
        Objects.requireNonNull(transform, "transform is null");
        Objects.requireNonNull(translations, "translations is null");
    }

    /** A rule without translations (the constructor before translations were added; kept for callers). */
    public Rule(String ruleId, String name, String description, Severity severity, long riskScore,
                Detection detection, About about, Schedule schedule, Alerting alerting, Metadata metadata,
                Value.Obj transform) {
        this(ruleId, name, description, severity, riskScore, detection, about, schedule, alerting, metadata,
                transform, Translations.none());
    }

    public Rule withDetection(Detection d) {
        return new Rule(ruleId, name, description, severity, riskScore, d, about, schedule, alerting, metadata,
                transform, translations);
    }

    public Rule withAbout(About a) {
        return new Rule(ruleId, name, description, severity, riskScore, detection, a, schedule, alerting, metadata,
                transform, translations);
    }

    public Rule withTranslations(Translations t) {
        return new Rule(ruleId, name, description, severity, riskScore, detection, about, schedule, alerting, metadata,
                transform, t);
    }
}
