package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rule with its fixture, ready to run: times resolved against {@code now}, the rule window
 * [{@code from}, {@code to}] and for new-terms rules the history start, the events (their ids are their positions),
 * and the index they go into.
 */
public record TestCase(TestRule rule, Fixture fixture, Instant now, Instant from, Instant to,
                       Optional<Instant> historyStart, List<ObjectNode> events, IndexLayout layout) {
    public TestCase {
        events = List.copyOf(events);
    }

    public TestCase withRule(TestRule r) {
        return new TestCase(r, fixture, now, from, to, historyStart, events, layout);
    }
}
