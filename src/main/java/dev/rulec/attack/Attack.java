package dev.rulec.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MITRE ATT&CK Enterprise tactics and techniques, bundled under {@code src/main/resources/attack/} with MITRE's licence
 * notice ({@code LICENSE.txt}), read once on first use.
 */
public final class Attack {

    /** A tactic: {@code TA0002}, short name {@code execution} (the form Sigma tags use), name {@code Execution}. */
    public record Tactic(String id, String shortName, String name) {
        public String url() {
            return "https://attack.mitre.org/tactics/" + id + "/";
        }

        /** As a Kibana rule's {@code threat} carries it. */
        public dev.rulec.model.AttackRef ref() {
            return new dev.rulec.model.AttackRef(id, name, url());
        }
    }

    /** A technique or sub-technique ({@code T1059.001}) with the short names of the tactics it belongs to. */
    public record Technique(String id, String name, List<String> tactics, boolean deprecated) {
        public Technique {
            tactics = List.copyOf(tactics);
        }

        public boolean isSubtechnique() {
            return id.indexOf('.') > 0;
        }

        /** {@code https://attack.mitre.org/techniques/T1059/001/} for {@code T1059.001}. */
        public String url() {
            return "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/";
        }

        /** As a Kibana rule's {@code threat} carries it. */
        public dev.rulec.model.AttackRef ref() {
            return new dev.rulec.model.AttackRef(id, name, url());
        }
    }

    private static final class Holder {
        static final Attack BUNDLED = load();
    }

    private final Map<String, Tactic> tacticsById;
    private final Map<String, Tactic> tacticsByShortName;
    private final Map<String, Technique> techniques;

    private Attack(List<Tactic> tactics, List<Technique> techniques) {
        this.tacticsById = new LinkedHashMap<>();
        this.tacticsByShortName = new LinkedHashMap<>();
        for (Tactic t : tactics) {
            tacticsById.put(t.id(), t);
            tacticsByShortName.put(t.shortName(), t);
        }
        this.techniques = new LinkedHashMap<>();
        techniques.forEach(t -> this.techniques.put(t.id(), t));
    }

    /** The bundled ATT&CK release (see {@code src/main/resources/attack/}). */
    public static Attack bundled() {
        return Holder.BUNDLED;
    }

    public Optional<Tactic> tactic(String id) {
        return Optional.ofNullable(tacticsById.get(id.toUpperCase(Locale.ROOT)));
    }

    /** By short name ({@code initial-access}; underscores as Sigma tags write them are accepted). */
    public Optional<Tactic> tacticByShortName(String shortName) {
        return Optional.ofNullable(tacticsByShortName.get(shortName.toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    public Optional<Technique> technique(String id) {
        return Optional.ofNullable(techniques.get(id.toUpperCase(Locale.ROOT)));
    }

    /** The bundled release, as messages name it (see {@code src/main/resources/attack/}). */
    public static final String RELEASE = "ATT&CK v18";

    /**
     * Why a well-formed technique id ({@code T1685}, {@code T1059.013}) is not in this release, as far as the data
     * tells: an id above the highest technique number is newer than the release; any other missing id was revoked
     * (the bundled tables leave revoked techniques out, and do not say what replaced them) or never assigned.
     */
    public String whyAbsent(String id) {
        String upper = id.toUpperCase(Locale.ROOT);
        int number = Integer.parseInt(upper.substring(1, 5));
        String highest = techniques.keySet().stream().map(k -> k.substring(0, 5)).max(String::compareTo)
                .orElse("T0000");
        if (number > Integer.parseInt(highest.substring(1))) {
            return "is newer than " + RELEASE + " (the bundled release, whose highest technique is " + highest
                    + "), probably from a later ATT&CK release";
        }
        return "is not in " + RELEASE + ": revoked, or never assigned (the bundled data leaves revoked techniques"
                + " out and does not name their replacements)";
    }

    public List<Tactic> tactics() {
        return List.copyOf(tacticsById.values());
    }

    private static Attack load() {
        List<Tactic> tactics = new ArrayList<>();
        for (String[] row : rows("tactics.tsv", 3)) {
            tactics.add(new Tactic(row[0], row[1], row[2]));
        }
        List<Technique> techniques = new ArrayList<>();
        for (String[] row : rows("techniques.tsv", 4)) {
            List<String> ts = row[2].isEmpty() ? List.of() : List.of(row[2].split(","));
            techniques.add(new Technique(row[0], row[1], ts, row[3].equals("deprecated")));
        }
        return new Attack(tactics, techniques);
    }

    /** The rows of a bundled TSV file, header skipped; a malformed file is a packaging bug. */
    private static List<String[]> rows(String name, int minColumns) {
        String resource = "/attack/" + name;
        try (InputStream in = Attack.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < minColumns) {
                    throw new IllegalStateException(resource + ": malformed row: " + line);
                }
                out.add(cols);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
