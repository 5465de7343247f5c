package dev.rulec.docs;

import dev.rulec.model.Rule;
import dev.rulec.model.Technique;
import dev.rulec.model.Threat;

import java.util.ArrayList;
import java.util.HashMap;
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
 * features (tags and ATT&CK technique ids): at least {@value #MIN_SHARED} shared, each weighted by
 * {@code ln(N / rules with it)} so that rare ones count more, best {@value #LIMIT} first; ties go to the rule with fewer
 * features, then page order. Documented in {@code docs/docs.md}.
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
        List<Set<String>> features = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Set<String> f = features(rules.get(i));
            features.add(f);
            for (String tag : f) {
                byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(i);
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            List<Ref> fromGuide = fromGuide(rules.get(i).about().note().orElse(""));
            out.add(fromGuide.isEmpty() ? byTags(rules, features, i, byTag) : fromGuide);
        }
        return out;
    }

    /** Higher score first; on a tie the rule with fewer features (closer to the same set), then page order. */
    private static boolean better(int a, int b, double[] score, List<Set<String>> features) {
        if (score[a] != score[b]) {
            return score[a] > score[b];
        }
        int fa = features.get(a).size();
        int fb = features.get(b).size();
        return fa != fb ? fa < fb : a < b;
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

    /** A rule's tags and its ATT&CK technique and sub-technique ids (a shared technique is a strong link). */
    private static Set<String> features(Rule r) {
        Set<String> f = new TreeSet<>(r.about().tags());
        for (Threat t : r.about().threat()) {
            for (Technique tech : t.techniques()) {
                f.add("attack:" + tech.ref().id());
                tech.subtechniques().forEach(sub -> f.add("attack:" + sub.id()));
            }
        }
        return f;
    }

    private static List<Ref> byTags(List<Rule> rules, List<Set<String>> features, int self,
                                    Map<String, List<Integer>> byTag) {
        double[] score = new double[rules.size()];
        int[] shared = new int[rules.size()];
        List<Integer> touched = new ArrayList<>();
        for (String tag : features.get(self)) {
            List<Integer> holders = byTag.get(tag);
            double weight = Math.log((double) rules.size() / holders.size());
            for (int j : holders) {
                if (j != self) {
                    if (shared[j]++ == 0) {
                        touched.add(j);
                    }
                    score[j] += weight;
                }
            }
        }
        // best LIMIT by score, ties by catalogue position: a small insertion-sorted array, not a sort of thousands
        int[] best = new int[LIMIT];
        int n = 0;
        for (int j : touched) {
            if (shared[j] < MIN_SHARED || score[j] <= 0) {
                continue;
            }
            int pos = n;
            while (pos > 0 && better(j, best[pos - 1], score, features)) {
                pos--;
            }
            if (pos < LIMIT) {
                System.arraycopy(best, pos, best, pos + 1, Math.min(n, LIMIT - 1) - pos);
                best[pos] = j;
                n = Math.min(n + 1, LIMIT);
            }
        }
        List<Ref> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Rule r = rules.get(best[k]);
            out.add(new Ref(r.name(), Optional.of(r.ruleId()), false));
        }
        return out;
    }
}
