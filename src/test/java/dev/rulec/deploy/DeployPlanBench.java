package dev.rulec.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.kibana.KibanaAuth;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaConfig;
import dev.rulec.kibana.KibanaRule;
import dev.rulec.kibana.KibanaVersion;
import dev.rulec.kibana.standin.StandInKibana;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Bench, not a test: re-deploying the unchanged detection-rules corpus, with the plan's wall time split into the
 * stand-in's own time (schema validation of every response, serialising) and the client's (HTTP, JSON parsing,
 * normalising and comparing), plus the CPU time of the planning thread (JSON parsing, normalising, comparing; not the
 * HTTP client's own threads), which the load of a shared machine disturbs less. Runs only when asked:
 * {@code mvn -B -o test -Dtest=DeployPlanBench -Drulec.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "rulec.bench", matches = "true")
class DeployPlanBench {
    private static final int WARMUP = 5;
    private static final int RUNS = 20;

    @Test
    void replanTheUnchangedCorpus() throws Exception {
        List<Payload> rules = CorpusDeployTest.corpus(SharedFiles.require("corpus/detection-rules/rules"));
        List<String> report = new ArrayList<>();
        try (StandInKibana kibana = StandInKibana.start(SharedFiles.require("kibana/detections-api.schema.yaml"))
                .version("9.5.0")) {
            KibanaClient client = KibanaClient.connect(KibanaConfig.of(kibana.url(), new KibanaAuth.None()));
            Deployer d = new Deployer(client, DeployOptions.defaults());
            DeployResult first = d.apply(d.plan(rules), Progress.none());
            assertEquals(List.of(), first.failures());
            List<Double> wall = new ArrayList<>();
            List<Double> own = new ArrayList<>();
            List<Double> server = new ArrayList<>();
            List<Double> compare = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                int before = client.requestCount();
                long s0 = kibana.busyNanos();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Plan plan = d.plan(rules);
                long t1 = System.nanoTime();
                long cpu1 = threads.getCurrentThreadCpuTime();
                long busy = kibana.busyNanos() - s0;
                assertFalse(plan.hasChanges());
                assertEquals(4, client.requestCount() - before, "status + 3 _find pages");
                // The pure part again, on rules already read: what normalising and comparing cost alone.
                List<KibanaRule> read = client.findAllRules();
                KibanaVersion v = plan.kibanaVersion();
                long c0 = System.nanoTime();
                d.plan(rules, v, read);
                long c1 = System.nanoTime();
                if (i >= WARMUP) {
                    wall.add((t1 - t0) / 1e9);
                    server.add(busy / 1e9);
                    own.add((t1 - t0 - busy) / 1e9);
                    compare.add((c1 - c0) / 1e9);
                    cpu.add((cpu1 - cpu0) / 1e9);
                }
            }
            report.add(String.format(Locale.ROOT, "re-plan %d unchanged rules, %d runs after %d warm-up: wall %s; "
                    + "stand-in %s; client %s (of which normalise+compare %s); CPU of the planning thread %s",
                    rules.size(), RUNS, WARMUP, range(wall), range(server), range(own), range(compare), range(cpu)));
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/deploy-plan-bench.txt"), report);
        report.forEach(System.out::println);
    }

    /** {@code median (min–max)} in seconds. */
    private static String range(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return String.format(Locale.ROOT, "median %.3f s (%.3f–%.3f)", s.get(s.size() / 2), s.get(0), s.get(s.size() - 1));
    }
}
