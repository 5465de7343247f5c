package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.ExprFields;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Windows logsources only Sysmon records (process access, remote threads, named pipes, driver loads, …) compile to
 * the Windows integration's Sysmon data stream, restricted to their Sysmon event IDs, with the fields its ingest
 * pipeline writes; fields it does not keep are errors that say why.
 */
class WindowsSysmonEventsPipelineTest {

    private static final String SYSMON = "logs-windows.sysmon_operational-*";

    private static SigmaFrontEnd.Parsed parse(String logsource, String selection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: windows\n    " + logsource + "\n"
                + "detection:\n    s:\n" + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    @Test
    void eachSysmonOnlyCategorySelectsItsSysmonEventIds() {
        Map<String, List<String>> codes = Map.ofEntries(
                Map.entry("process_access", List.of("10")),
                Map.entry("create_remote_thread", List.of("8")),
                Map.entry("raw_access_thread", List.of("9")),
                Map.entry("driver_load", List.of("6")),
                Map.entry("create_stream_hash", List.of("15")),
                Map.entry("pipe_created", List.of("17", "18")),
                Map.entry("wmi_event", List.of("19", "20", "21")),
                Map.entry("process_tampering", List.of("25")),
                Map.entry("file_change", List.of("2")),
                Map.entry("file_executable_detected", List.of("29")),
                Map.entry("sysmon_status", List.of("4", "16")),
                Map.entry("sysmon_error", List.of("255")));
        PipelineSet set = PipelineSet.builtIns();
        codes.forEach((category, ids) -> {
            Pipeline p = set.select(Map.of("product", "windows", "category", category)).orElseThrow();
            assertEquals(List.of(SYSMON), p.indices(), category);
            assertEquals(ids, p.conditions().get("event.code"), category);
            assertTrue(p.alternativeTo().isEmpty(), category + " has no Elastic Defend pipeline to stand in for");
        });
    }

    @Test
    void processAccessSourceIsTheProcessAndTargetStaysInEventData() {
        Diagnostics d = new Diagnostics();
        var p = parse("category: process_access", "        SourceImage|endswith: '\\rundll32.exe'\n"
                + "        TargetImage|endswith: '\\lsass.exe'\n        GrantedAccess: '0x1410'\n", d);
        assertFalse(d.hasErrors(), d.all().toString());
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals("windows-process-access-sysmon", ir.pipeline().orElseThrow().name());
        assertEquals(Set.of("event.code", "process.executable", "winlog.event_data.TargetImage",
                "winlog.event_data.GrantedAccess"), ExprFields.of(ir.detection()));
    }

    @Test
    void pipeNameIsTheFileNameAndTheHashListOfStreamEventsIsKeyed() {
        Diagnostics d = new Diagnostics();
        var pipe = parse("category: pipe_created", "        PipeName|startswith: '\\PSHost'\n", d);
        assertTrue(ExprFields.of(pipe.rules().get(0).detection()).contains("file.name"));
        var ads = parse("category: create_stream_hash",
                "        Hash|contains: 'MD5=0123456789ABCDEF0123456789ABCDEF'\n", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertTrue(ExprFields.of(ads.rules().get(0).detection()).contains("file.hash.md5"));
    }

    @Test
    void fieldTheIngestPipelineTurnsIntoTextIsAnErrorWithTheReason() {
        Diagnostics d = new Diagnostics();
        parse("category: process_tampering", "        Type: 'Image is replaced'\n", d);
        assertTrue(d.hasErrors());
        String msg = d.all().get(0).format();
        assertTrue(msg.contains("[windows-process-tampering-sysmon]") && msg.contains("match_only_text")
                && msg.endsWith("[pipeline.unmapped-field]"), msg);
    }

    @Test
    void fieldTheEventDoesNotCarryIsAnErrorWithTheReason() {
        Diagnostics d = new Diagnostics();
        parse("category: create_remote_thread", "        SourceParentImage|endswith: '\\explorer.exe'\n", d);
        assertTrue(d.hasErrors());
        assertTrue(d.all().get(0).format().contains("carry no parent of the source process"), d.all().toString());
    }

    @Test
    void wholeSysmonChannelMapsOnlyFieldsWithOneMeaningInEveryEvent() {
        Diagnostics ok = new Diagnostics();
        var p = parse("service: sysmon", "        EventID: 16\n", ok);
        assertFalse(ok.hasErrors(), ok.all().toString());
        assertEquals("windows-sysmon-service", p.rules().get(0).pipeline().orElseThrow().name());
        // Image, SourceImage and Destination all become process.executable: on the whole channel Image has no target.
        Diagnostics bad = new Diagnostics();
        parse("service: sysmon", "        Image|endswith: '\\cmd.exe'\n", bad);
        assertTrue(bad.hasErrors(), bad.all().toString());
    }

    @Test
    void dnsQueryFieldElasticDefendDoesNotMapSelectsTheSysmonAlternative() {
        Diagnostics d = new Diagnostics();
        var p = parse("category: dns_query", "        QueryName|endswith: '.onion'\n        RuleName: 'dns'\n", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals("windows-dns-query-sysmon", p.rules().get(0).pipeline().orElseThrow().name());
        assertEquals("pipeline.alternative", d.all().get(0).code());
        Diagnostics status = new Diagnostics();
        parse("category: dns_query", "        QueryStatus: '0'\n", status);
        assertTrue(status.hasErrors());
        // The error is the first pipeline's; it names the alternative that was tried (whose reason is unrecorded).
        assertTrue(status.all().get(0).format().contains("its alternative [windows-dns-query-sysmon] cannot map"),
                status.all().toString());
    }

    @Test
    void noSigmaHqRuleOfASysmonOnlyCategoryFallsToTheGenericPipeline() throws IOException {
        Path root = SharedFiles.require("corpus/sigma/rules/windows");
        List<String> dirs = List.of("process_access", "create_remote_thread", "raw_access_thread", "driver_load",
                "create_stream_hash", "pipe_created", "wmi_event", "process_tampering", "sysmon");
        SigmaFrontEnd fe = new SigmaFrontEnd(PipelineSet.builtIns());
        List<String> generic = new ArrayList<>();
        int compiled = 0;
        for (String dir : dirs) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                files = s.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
            }
            for (Path f : files) {
                for (SigmaRuleIr r : fe.parse(List.of(f), new Diagnostics()).rules()) {
                    compiled++;
                    if (!r.pipeline().orElseThrow().indices().equals(List.of(SYSMON))) {
                        generic.add(f.getFileName() + ": " + r.pipeline().orElseThrow().name());
                    }
                }
            }
        }
        assertTrue(generic.isEmpty(), String.join("\n", generic));
        assertTrue(compiled >= 70, "compiled " + compiled);
    }
}
