package dev.rulec.source.sigma.meta;

import dev.rulec.model.AttackRef;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MITRE ATT&CK Enterprise tactics and techniques, bundled under {@code src/main/resources/attack/} (with MITRE's
 * licence notice) so rules compile offline. Knows which tactics each technique belongs to.
 */
public final class AttackCatalog {

    public record Tactic(String id, String shortName, String name) {
        public AttackRef ref() {
            return new AttackRef(id, name, "https://attack.mitre.org/tactics/" + id + "/");
        }
    }

    public record Technique(String id, String name, List<String> tacticShortNames) {
        public AttackRef ref() {
            return new AttackRef(id, name, "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/");
        }
    }

    private static final AttackCatalog BUNDLED = load();

    private final Map<String, Tactic> tacticsByShortName;
    private final Map<String, Technique> techniques;

    private AttackCatalog(Map<String, Tactic> tactics, Map<String, Technique> techniques) {
        this.tacticsByShortName = tactics;
        this.techniques = techniques;
    }

    public static AttackCatalog bundled() {
        return BUNDLED;
    }

    /** By short name ({@code initial-access}) or with underscores as Sigma tags write it ({@code initial_access}). */
    public Optional<Tactic> tactic(String shortName) {
        return Optional.ofNullable(tacticsByShortName.get(shortName.toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    public Optional<Technique> technique(String id) {
        return Optional.ofNullable(techniques.get(id.toUpperCase(Locale.ROOT)));
    }

    public Optional<Tactic> tacticByShortName(String shortName) {
        return tactic(shortName);
    }

    private static AttackCatalog load() {
        Map<String, Tactic> tactics = new LinkedHashMap<>();
        for (String[] row : rows("/attack/tactics.tsv")) {
            tactics.put(row[1], new Tactic(row[0], row[1], row[2]));
        }
        Map<String, Technique> techniques = new HashMap<>();
        for (String[] row : rows("/attack/techniques.tsv")) {
            List<String> tacs = row[2].isEmpty() ? List.of() : List.of(row[2].split(","));
            techniques.put(row[0], new Technique(row[0], row[1], tacs.stream().map(String::trim).toList()));
        }
        return new AttackCatalog(tactics, techniques);
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = AttackCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.split("\t", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
