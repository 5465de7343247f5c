package dev.rulec.ruletest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A canonical text of an outcome, to compare two engines: alerts as a sorted list, values by {@link Canon}. */
public final class Outcomes {
    private Outcomes() {
    }

    public static String canonical(Outcome o) {
        if (o instanceof Outcome.Skipped s) {
            return "skipped: " + s.reason();
        }
        if (o instanceof Outcome.Failed f) {
            return "failed";
        }
        List<String> alerts = new ArrayList<>();
        for (Alert a : ((Outcome.Alerts) o).alerts()) {
            StringBuilder b = new StringBuilder();
            a.event().ifPresent(i -> b.append("event ").append(i));
            Map<String, String> f = new TreeMap<>();
            a.fields().forEach((k, v) -> f.put(k, Canon.of(v)));
            if (!f.isEmpty()) {
                b.append(f);
            }
            alerts.add(b.toString());
        }
        alerts.sort(String::compareTo);
        return alerts.toString();
    }
}
