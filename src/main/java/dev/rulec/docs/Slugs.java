package dev.rulec.docs;

import dev.rulec.model.Rule;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File names of rule pages: the rule's own name in lower-case ASCII words, the same in every language, with the
 * rule id appended when two rules would share one. Assigned in the catalogue's order, so they are stable.
 */
final class Slugs {
    private static final int MAX = 80;

    private Slugs() {
    }

    /** Slug per position in {@code rules} (already in catalogue order). */
    static Map<Integer, String> assign(List<Rule> rules) {
        Set<String> used = new HashSet<>();
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String base = words(r.name());
            String id = words(r.ruleId());
            String slug = base.isEmpty() ? (id.isEmpty() ? "rule" : id) : base;
            if (used.contains(slug) && !id.isEmpty()) {
                slug = base + "-" + id.substring(0, Math.min(8, id.length())).replaceAll("-+$", "");
            }
            String candidate = slug;
            for (int n = 2; used.contains(candidate); n++) {
                candidate = slug + "-" + n;
            }
            used.add(candidate);
            out.put(i, candidate);
        }
        return out;
    }

    static String words(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String w = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (w.length() > MAX) {
            w = w.substring(0, MAX).replaceAll("-+$", "");
        }
        return w;
    }
}
