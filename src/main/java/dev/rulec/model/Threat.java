package dev.rulec.model;

import java.util.List;
import java.util.Objects;

/** One tactic of a threat framework with the techniques the rule detects under it. */
public record Threat(String framework, AttackRef tactic, List<Technique> techniques) {
    public static final String MITRE = "MITRE ATT&CK";

    public Threat {
        Objects.requireNonNull(framework, "framework is null");
        Objects.requireNonNull(tactic, "tactic is null");
        techniques = List.copyOf(techniques);
    }
}
