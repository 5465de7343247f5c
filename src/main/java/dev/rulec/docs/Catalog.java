package dev.rulec.docs;

import dev.rulec.model.Rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules being documented, in page order (name, then rule id), with their slugs and related rules.
 * Built once and shared by every language.
 */
final class Catalog {
    private final List<Rule> rules;
    private final Map<Integer, String> slugs;
    private final List<List<RelatedRules.Ref>> related;
    private final Map<String, Integer> byId = new HashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();

    Catalog(List<Rule> input) {
        List<Rule> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparing(Rule::name).thenComparing(Rule::ruleId));
        this.rules = List.copyOf(sorted);
        this.slugs = Slugs.assign(rules);
        this.related = RelatedRules.of(rules);
        for (int i = 0; i < rules.size(); i++) {
            byId.putIfAbsent(rules.get(i).ruleId(), i);
            byName.putIfAbsent(rules.get(i).name(), i);
        }
    }

    int size() {
        return rules.size();
    }

    Rule rule(int i) {
        return rules.get(i);
    }

    String slug(int i) {
        return slugs.get(i);
    }

    List<RelatedRules.Ref> related(int i) {
        return related.get(i);
    }

    /** The position of the rule a reference points to, when it is in the catalogue. */
    Optional<Integer> find(RelatedRules.Ref ref) {
        if (ref.ruleId().isPresent()) {
            return Optional.ofNullable(byId.get(ref.ruleId().get()));
        }
        return Optional.ofNullable(byName.get(ref.name()));
    }
}
