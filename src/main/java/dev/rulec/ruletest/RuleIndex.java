package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Matcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Many query rules over one event at a time: each rule is filed under one field every match needs, so an event is
 * only tried against the rules whose field it has (plus the rules that need none). Exact: a rule skipped for an event
 * cannot match it. Events must be flat ({@code IndexCheck#indexed}).
 */
public final class RuleIndex {
    private final List<Matcher> matchers = new ArrayList<>();
    private final Map<String, List<Integer>> byField = new HashMap<>();
    private final List<Integer> always = new ArrayList<>();

    public RuleIndex(List<Expr> rules, Map<String, Integer> fieldFrequency) {
        for (Expr e : rules) {
            int id = matchers.size();
            matchers.add(Matcher.compile(e));
            Set<String> req = RequiredFields.of(e);
            String best = null;
            for (String f : req) {
                if (best == null || fieldFrequency.getOrDefault(f, 0) < fieldFrequency.getOrDefault(best, 0)) {
                    best = f;
                }
            }
            if (best == null) {
                always.add(id);
            } else {
                byField.computeIfAbsent(best, k -> new ArrayList<>()).add(id);
            }
        }
    }

    public int size() {
        return matchers.size();
    }

    /** Calls {@code hit} with the index of every rule matching the flat event. */
    public void match(ObjectNode flatEvent, IntConsumer hit) {
        for (int id : always) {
            if (matchers.get(id).matches(flatEvent)) {
                hit.accept(id);
            }
        }
        Iterator<String> names = flatEvent.fieldNames();
        while (names.hasNext()) {
            List<Integer> ids = byField.get(names.next());
            if (ids == null) {
                continue;
            }
            for (int id : ids) {
                if (matchers.get(id).matches(flatEvent)) {
                    hit.accept(id);
                }
            }
        }
    }
}
