package dev.rulec.cli;

import dev.rulec.model.Rule;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** File names derived from rule names, stable across runs so that Git diffs stay small. */
final class FileNames {

    private static final int MAX = 96;

    private FileNames() {
    }

    /** A lower-case slug of the rule's name; the rule id's first part is added when two rules share a slug. */
    static String forRule(Rule rule, Set<String> taken) {
        String ascii = Normalizer.normalize(rule.name(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("_+$", "");
        }
        if (slug.isEmpty()) {
            slug = "rule";
        }
        String name = slug;
        if (!taken.add(name)) {
            String id = rule.ruleId().replaceAll("[^A-Za-z0-9]", "");
            name = slug + "_" + id.substring(0, Math.min(8, id.length()));
            int n = 2;
            while (!taken.add(name)) {
                name = slug + "_" + id.substring(0, Math.min(8, id.length())) + "_" + n++;
            }
        }
        return name;
    }
}
