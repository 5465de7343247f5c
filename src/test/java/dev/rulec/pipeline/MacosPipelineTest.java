package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.ExprFields;
import dev.rulec.schema.Schema;
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
 * macOS process creation and file events compile to Elastic Defend's macOS events, with the fields its macOS events
 * fill; fields they do not carry are errors that say why.
 */
class MacosPipelineTest {

    private static SigmaFrontEnd.Parsed parse(String category, String selection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: macos\n    category: " + category + "\n"
                + "detection:\n    s:\n" + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    @Test
    void processCreationSelectsExecEventsOfMacosHosts() {
        Pipeline p = PipelineSet.builtIns().select(Map.of("product", "macos", "category", "process_creation"))
                .orElseThrow();
        assertEquals("macos-process-creation", p.name());
        assertEquals(List.of("logs-endpoint.events.process-*"), p.indices());
        assertEquals(List.of("macos"), p.conditions().get("host.os.type"));
        // A fork is also event.type start but still runs the parent's image: only exec is a new image.
        assertEquals(List.of("exec"), p.conditions().get("event.action"));
    }

    @Test
    void processFieldsMapToTheFieldsDefendFillsOnMacos() {
        Diagnostics d = new Diagnostics();
        var p = parse("process_creation", "        Image|endswith: '/osascript'\n        CommandLine|contains: ' -e '\n"
                + "        ParentImage|endswith: '/bash'\n        User: root\n", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertTrue(d.all().isEmpty(), d.all().toString());
        assertEquals(Set.of("host.os.type", "event.category", "event.type", "event.action", "process.executable",
                "process.command_line", "process.parent.executable", "user.name"),
                ExprFields.of(p.rules().get(0).detection()));
    }

    @Test
    void parentCommandLineIsAnErrorBecauseMacosExecEventsDoNotCarryIt() {
        Diagnostics d = new Diagnostics();
        parse("process_creation", "        ParentCommandLine|contains: 'curl'\n", d);
        assertTrue(d.hasErrors());
        String msg = d.all().get(0).format();
        assertTrue(msg.contains("[macos-process-creation]") && msg.contains("process.parent.args_count")
                && msg.endsWith("[pipeline.unmapped-field]"), msg);
    }

    @Test
    void windowsOnlyFieldsAreErrorsWithTheReason() {
        Diagnostics d = new Diagnostics();
        parse("process_creation", "        OriginalFileName|contains: 'meshagent'\n", d);
        assertTrue(d.hasErrors());
        assertTrue(d.all().get(0).format().contains("Mach-O"), d.all().toString());
        Diagnostics cwd = new Diagnostics();
        parse("process_creation", "        CurrentDirectory: '/tmp'\n", cwd);
        assertTrue(cwd.hasErrors());
        assertTrue(cwd.all().get(0).format().contains("no working directory"), cwd.all().toString());
    }

    @Test
    void fileEventPathIsTheFilePathAndItsCommandLineWarnsThatSomeEventsLackIt() {
        Diagnostics d = new Diagnostics();
        var p = parse("file_event", "        TargetFilename|startswith: '/Library/StartupItems/'\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals("macos-file", ir.pipeline().orElseThrow().name());
        assertEquals(List.of("logs-endpoint.events.file-*"), ir.pipeline().orElseThrow().indices());
        assertTrue(ExprFields.of(ir.detection()).contains("file.path"));
        Diagnostics cmd = new Diagnostics();
        parse("file_event", "        CommandLine|contains: 'launchctl'\n", cmd);
        assertFalse(cmd.hasErrors(), cmd.all().toString());
        assertEquals(List.of("pipeline.sparse-field"), cmd.all().stream().map(Diagnostic::code).toList());
        Diagnostics parent = new Diagnostics();
        parse("file_event", "        ParentImage|endswith: '/bash'\n", parent);
        assertTrue(parent.hasErrors(), parent.all().toString());
    }

    @Test
    void everySigmaHqMacosRuleUsesAMacosPipelineAndOnlyFieldsOfItsDataStream() throws IOException {
        Path root = SharedFiles.require("corpus/sigma/rules/macos");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        SigmaFrontEnd fe = new SigmaFrontEnd(PipelineSet.builtIns());
        List<String> problems = new ArrayList<>();
        int compiled = 0;
        for (Path f : files) {
            Diagnostics d = new Diagnostics();
            for (SigmaRuleIr r : fe.parse(List.of(f), d).rules()) {
                compiled++;
                Pipeline p = r.pipeline().orElseThrow();
                if (!p.name().startsWith("macos-")) {
                    problems.add(f.getFileName() + ": pipeline " + p.name());
                }
                Schema schema = Schema.forIndexPatterns(p.indices());
                for (String field : ExprFields.of(r.detection())) {
                    if (schema.field(field).isEmpty()) {
                        problems.add(f.getFileName() + ": [" + field + "] is not a field of " + p.indices());
                    }
                }
            }
            // A rule that does not compile must fail for a field Elastic Defend does not record on macOS, not
            // for anything else.
            d.all().stream().filter(Diagnostic::isError)
                    .filter(x -> !x.code().equals("pipeline.unmapped-field") || !x.format().contains("macos-"))
                    .forEach(x -> problems.add(x.format()));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(compiled >= 68, "compiled " + compiled + " of " + files.size());
    }
}
