package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.SetCheck;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * No two rules of the same type run the same query (after normalization: KQL compared as parsed trees, other languages
 * with whitespace collapsed) with the same filters over the same or overlapping index patterns.
 */
public final class DuplicateQuery implements SetCheck {

    private final Function<LoadedRule, Optional<Object>> normalForm;

    public DuplicateQuery() {
        this(QueryForms::normalForm);
    }

    /** @param normalForm a rule's query in a form where equal means "the same query"; empty for rules without one */
    DuplicateQuery(Function<LoadedRule, Optional<Object>> normalForm) {
        this.normalForm = normalForm;
    }

    public String id() {
        return "duplicate-query";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "Two rules with one query over the same data raise every alert twice and drift apart when edited.";
    }

    /** @param filters the rule's Kibana filters: part of what it searches for (Sigma conditions KQL lacks go there) */
    private record Key(String type, Object query, Object extra, Object filters) {
    }

    @Override
    public void check(List<LoadedRule> rules, Findings out) {
        List<LoadedRule> withQuery = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        for (LoadedRule r : rules) {
            Optional<Object> q = normalForm.apply(r);
            if (q.isPresent()) {
                withQuery.add(r);
                keys.add(new Key(r.rule().detection().typeName(), q.get(), extra(r.rule().detection()),
                        Queries.scope(r.rule().detection()).map(s -> (Object) s.filters()).orElse("")));
            }
        }
        java.util.Map<LoadedRule, Key> keyOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < withQuery.size(); i++) {
            keyOf.put(withQuery.get(i), keys.get(i));
        }
        for (List<LoadedRule> group : Duplicates.groups(withQuery, keyOf::get)) {
            for (LoadedRule r : group) {
                Set<String> mine = new TreeSet<>(Queries.indices(r.rule().detection()));
                List<String> same = new ArrayList<>();
                List<String> overlapping = new ArrayList<>();
                for (LoadedRule o : group) {
                    if (o == r) {
                        continue;
                    }
                    Set<String> theirs = new TreeSet<>(Queries.indices(o.rule().detection()));
                    if (theirs.equals(mine)) {
                        same.add(o.origin().file());
                    } else {
                        Set<String> common = new HashSet<>(theirs);
                        common.retainAll(mine);
                        if (!common.isEmpty()) {
                            overlapping.add(o.origin().file());
                        }
                    }
                }
                if (!same.isEmpty()) {
                    out.report(r.posOf("rule.query"), "the same query over the same indices is in "
                            + String.join(", ", same), "merge the rules, or make their queries differ");
                } else if (!overlapping.isEmpty()) {
                    out.report(r.posOf("rule.query"), "the same query over overlapping indices is in "
                            + String.join(", ", overlapping), "merge the rules, or split the indices they search");
                }
            }
        }
    }

    /** What else makes two rules with one query different: new-terms fields, threshold, threat-match mapping. */
    private static Object extra(Detection d) {
        if (d instanceof Detection.NewTerms n) {
            return new TreeSet<>(n.fields());
        } else if (d instanceof Detection.Threshold t) {
            return t.threshold();
        } else if (d instanceof Detection.ThreatMatch t) {
            return List.of(t.threatIndex(), t.threatQuery(), t.threatMapping());
        }
        return "";
    }
}
