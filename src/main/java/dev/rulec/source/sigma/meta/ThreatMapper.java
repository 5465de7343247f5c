package dev.rulec.source.sigma.meta;

import dev.rulec.attack.Attack;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.model.AttackRef;
import dev.rulec.model.Technique;
import dev.rulec.model.Threat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sigma {@code attack.*} tags → Kibana {@code threat}. Every technique is filed under a tactic it really belongs to
 * in ATT&CK: under the tactics the rule names when those include one of the technique's own tactics, otherwise under
 * all of its own tactics. A tactic named without a fitting technique appears with no techniques.
 */
public final class ThreatMapper {

    /** The threat entries and the tags that are not ATT&CK tactics or techniques (kept as plain tags). */
    public record Result(List<Threat> threat, List<String> otherTags) {
    }

    private final Attack catalog;

    public ThreatMapper(Attack catalog) {
        this.catalog = catalog;
    }

    public Result map(List<String> tags, SourcePos pos, Diagnostics diags) {
        Set<String> namedTactics = new LinkedHashSet<>();
        List<Attack.Technique> techniques = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String tag : tags) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (!t.startsWith("attack.")) {
                other.add(tag);
                continue;
            }
            String rest = t.substring("attack.".length());
            if (rest.matches("t\\d{4}(\\.\\d{3})?")) {
                var tech = catalog.technique(rest.toUpperCase(Locale.ROOT));
                if (tech.isPresent()) {
                    if (tech.get().deprecated()) {
                        diags.warning("sigma.deprecated-technique", pos, "tag [" + tag + "]: technique "
                                + tech.get().id() + " (" + tech.get().name() + ") is deprecated in " + Attack.RELEASE
                                + "; mapped under its tactics all the same", "tag a current technique instead");
                    }
                    techniques.add(tech.get());
                } else {
                    diags.warning("sigma.unknown-technique", pos, "tag [" + tag + "] names no technique of the"
                            + " bundled ATT&CK data: " + rest.toUpperCase(Locale.ROOT) + " "
                            + catalog.whyAbsent(rest) + "; kept as a plain tag", "");
                    other.add(tag);
                }
            } else if (catalog.tacticByShortName(rest).isPresent()) {
                namedTactics.add(catalog.tacticByShortName(rest).get().shortName());
            } else {
                other.add(tag);
            }
        }
        // tactic short name → technique id → (technique, sub-techniques)
        Map<String, Map<String, Node>> byTactic = new LinkedHashMap<>();
        namedTactics.forEach(t -> byTactic.put(t, new TreeMap<>()));
        for (Attack.Technique tech : techniques) {
            List<String> own = tech.tactics();
            List<String> chosen = own.stream().filter(namedTactics::contains).toList();
            if (chosen.isEmpty()) {
                chosen = own;
            }
            for (String tactic : chosen) {
                Map<String, Node> techs = byTactic.computeIfAbsent(tactic, k -> new TreeMap<>());
                String parentId = tech.id().contains(".") ? tech.id().substring(0, tech.id().indexOf('.')) : tech.id();
                Node node = techs.computeIfAbsent(parentId, k -> new Node(parentRef(parentId, tech)));
                if (!parentId.equals(tech.id())) {
                    node.subs.put(tech.id(), tech.ref());
                }
            }
        }
        List<Threat> threat = new ArrayList<>();
        byTactic.entrySet().stream()
                .sorted(java.util.Comparator.comparing(e -> catalog.tacticByShortName(e.getKey()).map(Attack.Tactic::id)
                        .orElse(e.getKey())))
                .forEach(e -> {
                    AttackRef tactic = catalog.tacticByShortName(e.getKey()).orElseThrow().ref();
                    List<Technique> techs = e.getValue().values().stream()
                            .map(n -> new Technique(n.ref, new ArrayList<>(n.subs.values()))).toList();
                    threat.add(new Threat(Threat.MITRE, tactic, techs));
                });
        return new Result(threat, other);
    }

    private AttackRef parentRef(String parentId, Attack.Technique tech) {
        return catalog.technique(parentId).map(Attack.Technique::ref).orElse(tech.ref());
    }

    private static final class Node {
        final AttackRef ref;
        final Map<String, AttackRef> subs = new TreeMap<>();

        Node(AttackRef ref) {
            this.ref = ref;
        }
    }
}
