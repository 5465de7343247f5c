package dev.rulec.model;

import java.util.List;
import java.util.Objects;

public record Technique(AttackRef ref, List<AttackRef> subtechniques) {
    public Technique {
        Objects.requireNonNull(ref, "ref is null");
        subtechniques = List.copyOf(subtechniques);
    }
}
