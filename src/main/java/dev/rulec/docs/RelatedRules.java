package dev.rulec.docs;

import dev.rulec.model.Rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rules a page points to. When the investigation guide has a "Related rules" section, its bullets
 * ({@code - Name - rule-id}) are the list, as the author chose them. Otherwise the rules sharing the most distinctive
 * tags: at least {@value #MIN_SHARED} shared tags, each weighted by {@code ln(N / rules with the tag)} so that rare
 * tags count more, best {@value #LIMIT} first, ties by name and rule id. Documented in {@code docs/docs.md}.
 */
final class RelatedRules {
    static final int LIMIT = 5;
    static final int MIN_SHARED = 2;

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET =
            Pattern.compile("^\\s*[-*+]\\s+(.+?)(?:\\s+[-\u2013\u2014]\\s+([0-9a-fA-F]{8}-[0-9a-fA-F-]{27}))?\\s*$");

    /** A pointer to another rule; {@code ruleId} empty when the guide named a rule without an id. */
    record Ref(String name, Optional<String> ruleId, boolean fromGuide) {
    }

    private RelatedRules() {
    }

    /** The related rules of each rule in {@code rules}, by position. */
    static List<List<Ref>> of(List<Rule> rules) {
        List<List<Ref>> out = new ArrayList<>();
        Map<String, List<Integer>> byTag = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            for (String tag : new TreeSet<>(rules.get(i).about().tags())) {
                byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(i);
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            List<Ref> fromGuide = fromGuide(rules.get(i).about().note().orElse(""));
            out.add(fromGuide.isEmpty() ? byTags(rules, i, byTag) : fromGuide);
        }
        return out;
    }

    static List<Ref> fromGuide(String note) {
        List<Ref> refs = new ArrayList<>();
        boolean inSection = false;
        for (String line : note.split("\\R")) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                inSection = h.group(1).equalsIgnoreCase("related rules");
                continue;
            }
            Matcher b = BULLET.matcher(line);
            if (inSection && b.matches()) {
                refs.add(new Ref(b.group(1).trim(), Optional.ofNullable(b.group(2)), true));
            }
        }
        return refs;
    }

    private static List<Ref> byTags(List<Rule> rules, int self, Map<String, List<Integer>> byTag) {
        Set<String> tags = new TreeSet<>(rules.get(self).about().tags());
        Map<Integer, double[]> score = new LinkedHashMap<>();
        for (String tag : tags) {
            List<Integer> holders = byTag.get(tag);
            double weight = Math.log((double) rules.size() / holders.size());
            for (int j : holders) {
                if (j != self) {
                    double[] s = score.computeIfAbsent(j, k -> new double[2]);
                    s[0] += weight;
                    s[1]++;
                }
            }
        }
        return score.entrySet().stream()
                .filter(e -> e.getValue()[1] >= MIN_SHARED && e.getValue()[0] > 0)
                .sorted(Comparator.<Map.Entry<Integer, double[]>>comparingDouble(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(LIMIT)
                .map(e -> rules.get(e.getKey()))
                .map(r -> new Ref(r.name(), Optional.of(r.ruleId()), false))
                .toList();
    }
}
