package dev.rulec.lang.esql;

import dev.rulec.testsupport.DetectionRulesCorpus;
import dev.rulec.testsupport.DetectionRulesCorpus.CorpusQuery;

import java.util.List;

/**
 * Bench, not a test: validates every ES|QL query of the detection-rules corpus offline (parse + analysis with the
 * built-in schemas), cold and then warm. Run: {@code java -cp target/test-classes:target/classes:<deps>
 * dev.rulec.lang.esql.EsqlValidateBench}, with {@code -Drulec.shared=../shared}.
 */
public final class EsqlValidateBench {
    private EsqlValidateBench() {
    }

    public static void main(String[] args) {
        List<CorpusQuery> queries = DetectionRulesCorpus.queries("esql");
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            EsqlAnalyzer analyzer = EsqlAnalyzer.withBuiltinSchemas();
            int problems = 0;
            for (CorpusQuery q : queries) {
                problems += analyzer.check(q.query()).isEmpty() ? 0 : 1;
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long cpu = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            System.out.printf("round %d: %d queries validated in %d ms wall, %d ms CPU (%d with problems)%n", round,
                    queries.size(), ms, cpu, problems);
        }
    }
}
