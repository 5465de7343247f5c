package dev.rulec.deploy;

import dev.rulec.diag.Diagnostics;
import dev.rulec.kibana.KibanaAuth;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaConfig;
import dev.rulec.kibana.RetryPolicy;
import dev.rulec.kibana.standin.Fault;
import dev.rulec.kibana.standin.StandInKibana;
import dev.rulec.model.LoadedRule;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole detection-rules TOML corpus deployed to the stand-in Kibana: all created, a second run writes nothing, a
 * run killed half-way and run again ends with exactly the corpus. Request counts are asserted; times are only written
 * to target/deploy-bench.txt (speed is measured, never asserted, in tests).
 */
class CorpusDeployTest {
    /** The newest min_stack_version in the corpus: against an older Kibana, newer rules are skipped (tested elsewhere). */
    private static final String TARGET = "9.5.0";

    @Test
    void deploysTheWholeTomlCorpusIdempotently() throws IOException {
        Path schema = SharedFiles.require("kibana/detections-api.schema.yaml");
        List<Payload> rules = corpus(SharedFiles.require("corpus/detection-rules/rules"));
        List<String> report = new ArrayList<>();
        report.add("rules: " + rules.size());
        try (StandInKibana kibana = StandInKibana.start(schema).version(TARGET)) {
            KibanaClient client = KibanaClient.connect(KibanaConfig.of(kibana.url(), new KibanaAuth.None()));
            Deployer d = new Deployer(client, DeployOptions.defaults());

            long t0 = System.nanoTime();
            Plan plan = d.plan(rules);
            long t1 = System.nanoTime();
            DeployResult first = d.apply(plan, Progress.none());
            long t2 = System.nanoTime();
            assertTrue(first.ok(), () -> first.failures().stream().limit(5).map(RuleOutcome::format).toList().toString());
            assertEquals(rules.size(), kibana.rules("default").size());
            assertTrue(first.writeRequests() <= 25, "write requests: " + first.writeRequests());
            report.add(String.format("first deploy: plan %.2f s, apply %.2f s, %d requests (%d writes)",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, client.requestCount(), first.writeRequests()));

            int before = client.requestCount();
            long t3 = System.nanoTime();
            Plan again = d.plan(rules);
            long t4 = System.nanoTime();
            DeployResult second = d.apply(again, Progress.none());
            assertFalse(again.hasChanges(), () -> again.entries().stream().filter(e -> e.action().writes()).limit(3)
                    .map(e -> e.ruleId() + " " + e.changes()).toList().toString());
            assertEquals(0, second.writeRequests());
            report.add(String.format("re-deploy unchanged: plan %.2f s, %d requests, %d writes",
                    (t4 - t3) / 1e9, client.requestCount() - before, second.writeRequests()));
            // The first re-read validates 2,000 rule responses against the schema in the stand-in (seconds); its
            // validation is memoized, so a third plan shows what rulec itself needs.
            long t5 = System.nanoTime();
            assertFalse(d.plan(rules).hasChanges());
            long t6 = System.nanoTime();
            List<dev.rulec.kibana.KibanaRule> read = client.findAllRules();
            long t7 = System.nanoTime();
            Plan pure = d.plan(rules, again.kibanaVersion(), read);
            long t8 = System.nanoTime();
            assertFalse(pure.hasChanges());
            report.add(String.format("re-deploy unchanged, stand-in validation warm: plan %.2f s (reading the %d rules "
                    + "%.2f s, comparing %.2f s)", (t6 - t5) / 1e9, read.size(), (t7 - t6) / 1e9, (t8 - t7) / 1e9));

            long t9 = System.nanoTime();
            Diagnostics diags = new Diagnostics();
            List<Exporter.ExportedRule> exported = Exporter.export(client, true, diags);
            List<Payload> reread = new ArrayList<>();
            for (Exporter.ExportedRule e : exported) {
                reread.add(Payload.of(TomlRuleReader.parse(e.toml(), e.ruleId() + ".toml", new Diagnostics()).orElseThrow()));
            }
            Plan afterExport = d.plan(reread);
            assertEquals(List.of(), diags.all().stream().limit(3).map(dev.rulec.diag.Diagnostic::format).toList());
            assertEquals(rules.size(), exported.size());
            assertFalse(afterExport.hasChanges(), () -> afterExport.entries().stream().filter(e -> e.action().writes())
                    .limit(3).map(e -> e.ruleId() + " " + e.changes()).toList().toString());
            report.add(String.format("export of %d rules to TOML, read back, planned: 0 changes (%.2f s)",
                    exported.size(), (System.nanoTime() - t9) / 1e9));
            assertEquals(List.of(), kibana.violations().stream().limit(5).toList());
        }
        try (StandInKibana kibana = StandInKibana.start(schema).version(TARGET)) {
            KibanaConfig noRetry = KibanaConfig.of(kibana.url(), new KibanaAuth.None())
                    .withRetry(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), () -> 0));
            Deployer killed = new Deployer(KibanaClient.connect(noRetry), DeployOptions.defaults());
            Plan plan = killed.plan(rules);
            for (int i = 0; i < 9; i++) {
                kibana.inject("POST", "/api/detection_engine/rules/_import", new Fault.Delay(Duration.ZERO), 1);
            }
            kibana.inject("POST", "/api/detection_engine/rules/_import", new Fault.ResetMidBatch(), 1);
            DeployResult half = killed.apply(plan, Progress.none());
            assertFalse(half.ok());
            int partial = kibana.rules("default").size();
            Deployer d = new Deployer(KibanaClient.connect(KibanaConfig.of(kibana.url(), new KibanaAuth.None())),
                    DeployOptions.defaults());
            assertTrue(d.apply(d.plan(rules), Progress.none()).ok());
            List<String> ids = kibana.rules("default").stream().map(r -> r.path("rule_id").asText()).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no duplicates");
            assertEquals(rules.stream().map(Payload::ruleId).collect(Collectors.toSet()), Set.copyOf(ids));
            report.add("killed half-way: " + partial + " rules written, " + half.failures().size()
                    + " reported not applied; the re-run ended with exactly the corpus (" + ids.size() + ")");
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/deploy-bench.txt"), report);
        report.forEach(System.out::println);
    }

    /** Each rule of the TOML corpus once (first file wins for a repeated rule_id). */
    static List<Payload> corpus(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        List<Payload> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path f : files) {
            Optional<LoadedRule> r = TomlRuleReader.read(f, new Diagnostics());
            if (r.isPresent() && seen.add(r.get().rule().ruleId())) {
                out.add(Payload.of(r.get()));
            }
        }
        return out;
    }
}
