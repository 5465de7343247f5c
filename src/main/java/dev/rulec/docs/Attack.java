package dev.rulec.docs;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** MITRE ATT&CK links and the Enterprise tactics by name (for rules that name a tactic only in a tag). */
final class Attack {
    private static final Map<String, String> TACTIC_IDS = Map.ofEntries(
            Map.entry("reconnaissance", "TA0043"), Map.entry("resource development", "TA0042"),
            Map.entry("initial access", "TA0001"), Map.entry("execution", "TA0002"),
            Map.entry("persistence", "TA0003"), Map.entry("privilege escalation", "TA0004"),
            Map.entry("defense evasion", "TA0005"), Map.entry("credential access", "TA0006"),
            Map.entry("discovery", "TA0007"), Map.entry("lateral movement", "TA0008"),
            Map.entry("collection", "TA0009"), Map.entry("command and control", "TA0011"),
            Map.entry("exfiltration", "TA0010"), Map.entry("impact", "TA0040"));

    /** Enterprise tactics in ATT&CK's kill-chain order, the order analysts read them in. */
    private static final java.util.List<String> TACTIC_ORDER = java.util.List.of("TA0043", "TA0042", "TA0001",
            "TA0002", "TA0003", "TA0004", "TA0005", "TA0006", "TA0007", "TA0008", "TA0009", "TA0011", "TA0010",
            "TA0040");

    private Attack() {
    }

    static String tacticUrl(String id) {
        return "https://attack.mitre.org/tactics/" + id + "/";
    }

    /** {@code T1078} → {@code .../techniques/T1078/}; {@code T1078.004} → {@code .../techniques/T1078/004/}. */
    static String techniqueUrl(String id) {
        return "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/";
    }

    /** Position of a tactic id in the kill chain; unknown ids after all known ones. */
    static int tacticOrder(String id) {
        int i = TACTIC_ORDER.indexOf(id);
        return i < 0 ? TACTIC_ORDER.size() : i;
    }

    static Optional<String> tacticIdByName(String name) {
        return Optional.ofNullable(TACTIC_IDS.get(name.trim().toLowerCase(Locale.ROOT)));
    }
}
