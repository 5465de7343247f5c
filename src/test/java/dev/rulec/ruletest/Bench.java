package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.EventGenerator;
import dev.rulec.ir.Matcher;
import dev.rulec.ruletest.esql.IndexCheck;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * In-process rule-test throughput: N rules (KQL and Sigma query rules of the corpora, through the IR matcher) ×
 * M events (generated from those rules: positives and near misses), every rule on every event, on all cores.
 * Prints rule-event evaluations per second and the peak heap.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.rulec.ruletest.Bench [corpus-dir] [rules] [events]</pre>
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
        int nRules = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int nEvents = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        long t0 = System.nanoTime();
        List<TestRule> rules = new ArrayList<>();
        Diagnostics d = new Diagnostics();
        try (Stream<Path> s = Files.walk(corpus.resolve("detection-rules/rules"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".toml")).sorted().toList()) {
                if (rules.size() >= nRules / 2) {
                    break;
                }
                TestRules.loadToml(p, d).stream().filter(r -> r.ir().isPresent()).forEach(rules::add);
            }
        }
        try (Stream<Path> s = Files.walk(corpus.resolve("sigma/rules"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".yml")).sorted().toList()) {
                if (rules.size() >= nRules) {
                    break;
                }
                TestRules.loadSigma(p, d).stream().filter(r -> r.ir().isPresent()).forEach(rules::add);
            }
        }
        List<Matcher> matchers = new ArrayList<>();
        List<dev.rulec.ir.Expr> exprs = new ArrayList<>();
        List<ObjectNode> pool = new ArrayList<>();
        long seed = 1;
        for (TestRule r : rules) {
            try {
                matchers.add(Matcher.compile(r.ir().get()));
                exprs.add(r.ir().get());
                EventGenerator.Events ev = EventGenerator.generate(r.ir().get(), seed++, 3);
                pool.addAll(ev.positives());
                pool.addAll(ev.negatives());
            } catch (IllegalArgumentException e) {
                // a rule whose tree the matcher refuses: not benchmarked
            }
        }
        IndexCheck check = new IndexCheck(Map.of());
        List<ObjectNode> events = new ArrayList<>(nEvents);
        for (int i = 0; events.size() < nEvents; i++) {
            ObjectNode e = pool.get(i % pool.size()).deepCopy();
            e.put("@timestamp", "2026-01-31T12:00:00.000Z");
            check.add(e);
            events.add(check.indexed(e));
        }
        long t1 = System.nanoTime();
        System.out.printf("setup: %d rules (%d matchers), %d events from a pool of %d, %.1f s%n", rules.size(),
                matchers.size(), events.size(), pool.size(), (t1 - t0) / 1e9);
        for (int round = 0; round < 2; round++) {
            AtomicLong alerts = new AtomicLong();
            long start = System.nanoTime();
            IntStream.range(0, events.size()).parallel().forEach(i -> {
                ObjectNode e = events.get(i);
                long n = 0;
                for (Matcher m : matchers) {
                    if (m.matches(e)) {
                        n++;
                    }
                }
                alerts.addAndGet(n);
            });
            double secs = (System.nanoTime() - start) / 1e9;
            long evals = (long) matchers.size() * events.size();
            System.out.printf("round %d: %,d evaluations in %.2f s = %,.0f evaluations/s on %d cores; %,d alerts%n",
                    round + 1, evals, secs, evals / secs, Runtime.getRuntime().availableProcessors(), alerts.get());
        }
        Map<String, Integer> freq = new java.util.HashMap<>();
        for (ObjectNode e : events) {
            e.fieldNames().forEachRemaining(f -> freq.merge(f, 1, Integer::sum));
        }
        RuleIndex index = new RuleIndex(exprs, freq);
        for (int round = 0; round < 3; round++) {
            AtomicLong alerts = new AtomicLong();
            long start = System.nanoTime();
            IntStream.range(0, events.size()).parallel().forEach(i -> {
                long[] n = new long[1];
                index.match(events.get(i), id -> n[0]++);
                alerts.addAndGet(n[0]);
            });
            double secs = (System.nanoTime() - start) / 1e9;
            long evals = (long) index.size() * events.size();
            System.out.printf("indexed round %d: %,d rule-event pairs decided in %.2f s = %,.0f /s; %,d alerts%n",
                    round + 1, evals, secs, evals / secs, alerts.get());
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap: %.0f MiB%n", peak / 1048576.0);
    }
}
