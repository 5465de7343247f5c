package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.EventGenerator;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Matcher;
import dev.rulec.lang.kql.KqlParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleIndexTest {

    private static Expr kql(String q) {
        return KqlParser.parse(q, SourcePos.startOf("t"), new Diagnostics()).orElseThrow();
    }

    @Test
    void requiredFieldsFollowAndOrNot() {
        assertEquals(Set.of("a", "b"), RequiredFields.of(kql("a: 1 and b: 2")));
        assertEquals(Set.of("a"), RequiredFields.of(kql("(a: 1 and b: 2) or (a: 3 and c: 4)")));
        assertEquals(Set.of(), RequiredFields.of(kql("not a: 1")));
    }

    @Test
    void indexFindsExactlyWhatEveryMatcherFinds() {
        List<Expr> rules = List.of(kql("event.action: Get* and user.name: alice"), kql("not event.action: Put"),
                kql("source.ip: 10.0.0.0/8 or event.action: (A or B)"), kql("x > 5 and y: *"), kql("foo"));
        List<ObjectNode> events = new ArrayList<>();
        long seed = 1;
        for (Expr r : rules) {
            EventGenerator.Events ev = EventGenerator.generate(r, seed++, 8);
            events.addAll(ev.positives());
            events.addAll(ev.negatives());
        }
        RuleIndex index = new RuleIndex(rules, Map.of());
        for (ObjectNode e : events) {
            Set<Integer> want = new HashSet<>();
            for (int i = 0; i < rules.size(); i++) {
                if (Matcher.compile(rules.get(i)).matches(e)) {
                    want.add(i);
                }
            }
            Set<Integer> got = new HashSet<>();
            index.match(e, got::add);
            assertEquals(want, got, e::toString);
        }
    }
}
