package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rulec.model.Detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares what a rule produced with what its fixture expects; every difference is one message. */
public final class Expectations {
    private Expectations() {
    }

    /** Whether the rule alerts per event (query rules) rather than per group. */
    public static boolean perEvent(TestRule rule) {
        return rule.detection() instanceof Detection.Query;
    }

    public static List<String> check(TestCase tc, Outcome.Alerts out, TimeResolver times) {
        List<String> problems = new ArrayList<>();
        Fixture f = tc.fixture();
        boolean flags = f.events().stream().anyMatch(e -> e.alert().isPresent());
        if (perEvent(tc.rule())) {
            TreeSet<Integer> fired = new TreeSet<>();
            out.alerts().forEach(a -> a.event().ifPresent(fired::add));
            if (!flags && f.alerts().isEmpty()) {
                problems.add("the fixture expects nothing: mark events with `alert: true` or `alert: false`");
            }
            for (int i = 0; i < f.events().size(); i++) {
                Fixture.Event e = f.events().get(i);
                if (e.alert().isEmpty()) {
                    continue;
                }
                boolean want = e.alert().get();
                if (want != fired.contains(i)) {
                    problems.add(e.pos() + ": event " + (i + 1) + ": expected "
                            + (want ? "an alert, got none" : "no alert, got one"));
                }
            }
            f.alerts().ifPresent(exp -> {
                if (exp.size() != fired.size()) {
                    problems.add("expected " + exp.size() + " alert(s), got " + fired.size());
                }
            });
            return problems;
        }
        if (f.alerts().isEmpty()) {
            problems.add("a " + tc.rule().type() + " rule needs `alerts:` (the expected groups; `[]` for none)");
            return problems;
        }
        List<Alert> remaining = new ArrayList<>(out.alerts());
        for (Fixture.ExpectedAlert exp : f.alerts().get()) {
            Alert match = null;
            for (Alert a : remaining) {
                if (contains(a.fields(), exp.group(), times)) {
                    match = a;
                    break;
                }
            }
            if (match == null) {
                problems.add(exp.pos() + ": missing alert for " + text(exp.group()));
                continue;
            }
            remaining.remove(match);
            for (Map.Entry<String, JsonNode> v : exp.values().entrySet()) {
                JsonNode got = match.fields().get(v.getKey());
                JsonNode want = times.resolve(v.getValue());
                if (!Canon.same(want, got)) {
                    problems.add(exp.pos() + ": alert " + text(exp.group()) + ": " + v.getKey()
                            + " expected " + Canon.of(want) + ", got " + Canon.of(got));
                }
            }
        }
        for (Alert a : remaining) {
            problems.add("unexpected alert " + text(a.fields()));
        }
        return problems;
    }

    private static boolean contains(Map<String, JsonNode> fields, Map<String, JsonNode> want, TimeResolver times) {
        for (Map.Entry<String, JsonNode> e : want.entrySet()) {
            if (!Canon.same(times.resolve(e.getValue()), fields.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static String text(Map<String, JsonNode> fields) {
        StringBuilder b = new StringBuilder("{");
        new java.util.TreeMap<>(fields).forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(k).append('=').append(Canon.of(v));
        });
        return b.append('}').toString();
    }
}
