package dev.rulec.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** What a rule tells analysts: authorship, guides, references and ATT&CK mapping. */
public record About(List<String> author, Optional<String> license, List<String> references,
                    List<String> falsePositives, List<String> tags, Optional<String> note, Optional<String> setup,
                    List<Threat> threat, OptionalLong version, List<String> investigationFields,
                    List<RelatedIntegration> relatedIntegrations, List<RequiredField> requiredFields,
                    Optional<String> timelineId, Optional<String> timelineTitle, Value.Obj meta) {
    public About {
        author = List.copyOf(author);
        Objects.requireNonNull(license, "license is null");
        references = List.copyOf(references);
        falsePositives = List.copyOf(falsePositives);
        tags = List.copyOf(tags);
        Objects.requireNonNull(note, "note is null");
        Objects.requireNonNull(setup, "setup is null");
        threat = List.copyOf(threat);
        Objects.requireNonNull(version, "version is null");
        investigationFields = List.copyOf(investigationFields);
        relatedIntegrations = List.copyOf(relatedIntegrations);
        requiredFields = List.copyOf(requiredFields);
        Objects.requireNonNull(timelineId, "timelineId is null");
        Objects.requireNonNull(timelineTitle, "timelineTitle is null");
        Objects.requireNonNull(meta, "meta is null");
    }

    public static About empty() {
        return new About(List.of(), Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), OptionalLong.empty(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Value.Obj.empty());
    }

    public record RelatedIntegration(String packageName, String version, Optional<String> integration) {
    }

    public record RequiredField(String name, String type, Optional<Boolean> ecs) {
    }
}
