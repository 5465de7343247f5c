package dev.rulec.docs;

import dev.rulec.diag.Diagnostics;
import dev.rulec.model.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bench, not a test: time to render the whole detection-rules corpus in English and Chinese, written to disk
 * (staging, pages, index, swap). Runs only when asked:
 * {@code mvn -B -o test -Dtest=DocsBench -Drulec.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * Reading the TOML is not included (that is the reader's bench).
 */
@EnabledIfSystemProperty(named = "rulec.bench", matches = "true")
class DocsBench {
    private static final int WARMUP = 3;
    private static final int RUNS = 7;

    @Test
    void renderWholeCorpusInBothLanguages() throws Exception {
        List<Rule> rules = DocsCorpusTest.corpusRules();
        Path out = Path.of("target/docs-bench");
        List<Long> millis = new ArrayList<>();
        List<Long> cpuMillis = new ArrayList<>();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            Diagnostics d = new Diagnostics();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            DocsWriter.Summary s = new DocsWriter().write(rules, out, DocsCorpusTest.BOTH, d);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long cpu = (os.getProcessCpuTime() - c0) / 1_000_000;
            assertTrue(d.isEmpty() && s.files() > 0, d.all()::toString);
            if (i >= WARMUP) {
                millis.add(ms);
                cpuMillis.add(cpu);
            }
        }
        Collections.sort(millis);
        Collections.sort(cpuMillis);
        System.out.printf("docs bench: %d rules x 2 languages, %d runs, %d cores: wall min %d ms, median %d ms, "
                        + "max %d ms; process CPU median %d ms (load average %.1f)%n", rules.size(), RUNS,
                Runtime.getRuntime().availableProcessors(), millis.get(0), millis.get(RUNS / 2),
                millis.get(RUNS - 1), cpuMillis.get(RUNS / 2), os.getSystemLoadAverage());
    }
}
