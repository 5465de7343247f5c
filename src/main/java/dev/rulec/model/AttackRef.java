package dev.rulec.model;

import java.util.Objects;

/** A MITRE ATT&CK tactic, technique or sub-technique as Kibana carries it. */
public record AttackRef(String id, String name, String reference) {
    public AttackRef {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(reference, "reference is null");
    }
}
