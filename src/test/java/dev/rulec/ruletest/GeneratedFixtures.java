package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.ir.EventGenerator;
import dev.rulec.lang.esql.EsqlCommand;
import dev.rulec.lang.esql.EsqlExpr;
import dev.rulec.lang.esql.EsqlParser;
import dev.rulec.model.Detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test events for a corpus rule without a hand-written fixture: from its IR with the {@link EventGenerator}
 * (positives and near misses), new-terms history copies and threshold repeats; for ES|QL, events built from the
 * field = literal constraints of its WHERE commands, each constraint also dropped once.
 */
final class GeneratedFixtures {
    private GeneratedFixtures() {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static List<ObjectNode> events(TestRule r, Instant now, long seed) {
        List<ObjectNode> out = new ArrayList<>();
        String recent = TimeResolver.iso(now.minusSeconds(120));
        String old = TimeResolver.iso(now.minusSeconds(2 * 86400));
        Detection d = r.detection();
        if (r.ir().isPresent()) {
            EventGenerator.Events ev;
            try {
                ev = EventGenerator.generate(r.ir().get(), seed, 6);
            } catch (IllegalArgumentException e) {
                return out;
            }
            int i = 0;
            for (ObjectNode p : ev.positives()) {
                int copies = d instanceof Detection.Threshold t ? (int) Math.min(t.threshold().value(), 50) : 1;
                for (int c = 0; c < copies; c++) {
                    out.add(stamp(p, recent));
                }
                if (d instanceof Detection.NewTerms && i++ % 2 == 0) {
                    out.add(stamp(p, old));
                }
            }
            for (ObjectNode n : ev.negatives()) {
                out.add(stamp(n, recent));
            }
            return out;
        }
        if (d instanceof Detection.Esql e) {
            var q = EsqlParser.parse(e.query()).query();
            if (q.isEmpty()) {
                return out;
            }
            Map<String, String> constraints = new LinkedHashMap<>();
            for (EsqlCommand c : q.get().commands()) {
                if (c instanceof EsqlCommand.Stats) {
                    break;
                }
                if (c instanceof EsqlCommand.Where w) {
                    collect(w.condition(), constraints);
                }
            }
            ObjectNode base = JSON.objectNode();
            constraints.forEach(base::put);
            base.put("user.name", "gen-user");
            base.put("source.ip", "198.51.100.7");
            for (int c = 0; c < 5; c++) {
                out.add(stamp(base, recent));
            }
            for (String f : constraints.keySet()) {
                ObjectNode miss = base.deepCopy();
                miss.remove(f);
                out.add(stamp(miss, recent));
            }
        }
        return out;
    }

    private static ObjectNode stamp(ObjectNode e, String time) {
        ObjectNode c = e.deepCopy();
        c.put("@timestamp", time);
        return c;
    }

    private static void collect(EsqlExpr e, Map<String, String> out) {
        if (e instanceof EsqlExpr.Binary b) {
            if (b.op().equalsIgnoreCase("and")) {
                collect(b.left(), out);
                collect(b.right(), out);
            } else if (b.op().equals("==") && b.left() instanceof EsqlExpr.Column c
                    && b.right() instanceof EsqlExpr.Literal l && l.value() instanceof String s) {
                out.putIfAbsent(c.name(), s);
            }
        } else if (e instanceof EsqlExpr.In in && !in.negated() && in.value() instanceof EsqlExpr.Column c
                && !in.list().isEmpty() && in.list().get(0) instanceof EsqlExpr.Literal l
                && l.value() instanceof String s) {
            out.putIfAbsent(c.name(), s);
        } else if (e instanceof EsqlExpr.Like like && !like.negated() && !like.regex()
                && like.value() instanceof EsqlExpr.Column c) {
            out.putIfAbsent(c.name(), like.patterns().get(0).replace("*", "x").replace("?", "y").replace("\\", ""));
        }
    }
}
