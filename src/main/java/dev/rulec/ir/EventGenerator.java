package dev.rulec.ir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.ir.gen.Assembler;
import dev.rulec.ir.gen.Lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Derives test events from a tree: positives that match it and negatives that almost do (a term of an {@code And}
 * falsified while the others hold, case variants, one character off, a prefix or suffix more or less, special
 * characters, absent fields). Every event is checked with the {@link Matcher}, so the lists are exact; they are
 * deterministic for a seed. Events are flat objects with dotted keys; field-less keyword searches put their value
 * in {@value Assembler#KEYWORD_FIELD}.
 */
public final class EventGenerator {
    private EventGenerator() {
    }

    public record Events(List<ObjectNode> positives, List<ObjectNode> negatives) {
        public Events {
            positives = List.copyOf(positives);
            negatives = List.copyOf(negatives);
        }
    }

    public static Events generate(Expr expr, long seed) {
        return generate(expr, seed, 16);
    }

    /**
     * @param max at most this many events of each kind
     * @throws IllegalArgumentException as {@link Matcher#compile} does
     */
    public static Events generate(Expr expr, long seed, int max) {
        Matcher m = Matcher.compile(expr);
        Assembler a = new Assembler(new Random(seed));
        Map<String, ObjectNode> pos = new LinkedHashMap<>();
        Map<String, ObjectNode> neg = new LinkedHashMap<>();
        for (boolean want : new boolean[] {true, false}) {
            for (List<Lit> s : a.scenarios(expr, want)) {
                Optional<ObjectNode> ev = a.realize(s);
                ev.ifPresent(e -> classify(m, e, pos, neg, max));
            }
        }
        for (ObjectNode p : new ArrayList<>(pos.values())) {
            for (ObjectNode mutated : a.mutations(p)) {
                classify(m, mutated, pos, neg, max);
            }
        }
        return new Events(new ArrayList<>(pos.values()), new ArrayList<>(neg.values()));
    }

    private static void classify(Matcher m, ObjectNode e, Map<String, ObjectNode> pos, Map<String, ObjectNode> neg, int max) {
        Map<String, ObjectNode> target = m.matches(e) ? pos : neg;
        if (target.size() < max) {
            target.putIfAbsent(e.toString(), e);
        }
    }
}
