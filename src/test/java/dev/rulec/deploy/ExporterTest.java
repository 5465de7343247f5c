package dev.rulec.deploy;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.kibana.KibanaAuth;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaConfig;
import dev.rulec.kibana.standin.StandInKibana;
import dev.rulec.model.LoadedRule;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExporterTest {
    @Test
    void deployingTheExportedFilesChangesNothing() throws IOException {
        List<Payload> rules = new ArrayList<>(SyntheticRules.payloads(10));
        rules.addAll(toml(Path.of("rules")));
        rules.addAll(toml(SharedFiles.require("corpus/detection-rules/rules/integrations/aws")));
        try (StandInKibana kibana = StandInKibana.start(SharedFiles.require("kibana/detections-api.schema.yaml"))
                .version("9.5.0")) {
            KibanaClient client = KibanaClient.connect(KibanaConfig.of(kibana.url(), new KibanaAuth.None()));
            Deployer d = new Deployer(client, DeployOptions.defaults());
            assertTrue(d.apply(d.plan(rules), Progress.none()).ok());

            Diagnostics diags = new Diagnostics();
            List<Exporter.ExportedRule> exported = Exporter.export(client, true, diags);
            assertEquals(List.of(), diags.all().stream().map(Diagnostic::format).limit(5).toList());
            assertEquals(rules.size(), exported.size());
            assertFalse(exported.get(0).toml().contains(ManagedMarker.TAG));

            List<Payload> reread = new ArrayList<>();
            for (Exporter.ExportedRule e : exported) {
                Diagnostics d2 = new Diagnostics();
                LoadedRule r = TomlRuleReader.parse(e.toml(), e.ruleId() + ".toml", d2).orElseThrow();
                assertFalse(d2.hasErrors(), () -> d2.all().toString());
                reread.add(Payload.of(r));
            }
            Plan plan = d.plan(reread);
            assertFalse(plan.hasChanges(), () -> plan.entries().stream().filter(x -> x.action().writes()).limit(5)
                    .map(x -> x.ruleId() + " " + x.changes()).toList().toString());
            assertEquals(List.of(), kibana.violations().stream().limit(5).toList());
        }
    }

    private static List<Payload> toml(Path root) throws IOException {
        List<Payload> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".toml")).sorted().toList()) {
                Optional<LoadedRule> r = TomlRuleReader.read(f, new Diagnostics());
                if (r.isPresent() && seen.add(r.get().rule().ruleId())) {
                    out.add(Payload.of(r.get()));
                }
            }
        }
        return out;
    }
}
