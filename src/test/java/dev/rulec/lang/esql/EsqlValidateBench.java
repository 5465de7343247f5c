package dev.rulec.lang.esql;

import dev.rulec.testsupport.DetectionRulesCorpus;
import dev.rulec.testsupport.DetectionRulesCorpus.CorpusQuery;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Bench, not a test: validates every ES|QL query of the detection-rules corpus offline (parse, then analysis with the
 * built-in schemas), cold and then warm, timing the two stages apart. Command in BENCHMARKS.md ("ES|QL validation").
 */
public final class EsqlValidateBench {
    private EsqlValidateBench() {
    }

    public static void main(String[] args) {
        List<CorpusQuery> queries = DetectionRulesCorpus.queries("esql");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            List<EsqlQuery> parsed = new ArrayList<>();
            for (CorpusQuery q : queries) {
                EsqlParser.parse(q.query()).query().ifPresent(parsed::add);
            }
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            EsqlAnalyzer analyzer = EsqlAnalyzer.withBuiltinSchemas();
            int problems = 0;
            for (EsqlQuery q : parsed) {
                problems += analyzer.analyze(q).isEmpty() ? 0 : 1;
            }
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d: %d queries (%d parsed): parse %d ms wall / %d ms CPU, analysis %d ms wall /"
                            + " %d ms CPU; %d with analysis problems%n", round, queries.size(), parsed.size(),
                    (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000, problems);
        }
    }
}
