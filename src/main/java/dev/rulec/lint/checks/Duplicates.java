package dev.rulec.lint.checks;

import dev.rulec.model.LoadedRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Groups rules by a key and hands over every group with more than one rule, in input order. */
final class Duplicates {

    private Duplicates() {
    }

    static <K> List<List<LoadedRule>> groups(List<LoadedRule> rules, Function<LoadedRule, K> key) {
        Map<K, List<LoadedRule>> byKey = new LinkedHashMap<>();
        for (LoadedRule r : rules) {
            byKey.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return byKey.values().stream().filter(g -> g.size() > 1).toList();
    }

    /** The files of the group's other rules, for messages: {@code a.toml, b.toml}. */
    static String others(List<LoadedRule> group, LoadedRule self) {
        return group.stream().filter(r -> r != self).map(r -> r.origin().file()).distinct()
                .collect(Collectors.joining(", "));
    }
}
