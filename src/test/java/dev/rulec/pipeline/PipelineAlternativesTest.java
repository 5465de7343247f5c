package dev.rulec.pipeline;

import dev.rulec.ir.ExprFields;
import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule compiles with the first candidate pipeline that maps every field it uses: the pipeline its logsource
 * selects, then that pipeline's alternatives; choosing an alternative is a warning, and a rule no candidate can
 * map fails with the reason the pipeline gives.
 */
class PipelineAlternativesTest {

    private static final String HEAD = "title: t\nid: x\nlevel: low\nlogsource:\n    product: windows\n    category: %s\n"
            + "detection:\n    s:\n";

    private static SigmaFrontEnd.Parsed parse(String category, String selection, Diagnostics d) {
        String rule = String.format(HEAD, category) + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    private static String pipeline(SigmaFrontEnd.Parsed p) {
        return p.rules().get(0).pipeline().map(Pipeline::name).orElse("none");
    }

    @Test
    void candidatesAreTheSelectedPipelineThenItsAlternatives() {
        List<String> names = PipelineSet.builtIns().candidates(Map.of("product", "windows", "category", "image_load"))
                .stream().map(Pipeline::name).toList();
        assertEquals(List.of("windows-image-load", "windows-image-load-sysmon"), names);
    }

    @Test
    void anAlternativeIsChosenByLogsourceOnlyWithoutItsPipeline() {
        PipelineSet onlySysmon = PipelineSet.of(List.of(PipelineSet.builtIns().named("windows-image-load-sysmon")
                .orElseThrow()));
        assertEquals("windows-image-load-sysmon", onlySysmon.select(Map.of("product", "windows", "category",
                "image_load")).map(Pipeline::name).orElse("none"));
    }

    @Test
    void ruleMappedByTheFirstPipelineStaysThereWithoutWarning() {
        Diagnostics d = new Diagnostics();
        var p = parse("image_load", "        ImageLoaded|endswith: '\\dbghelp.dll'\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        assertEquals("windows-image-load", pipeline(p));
    }

    @Test
    void fieldOnlySysmonRecordsSelectsTheSysmonAlternativeWithAWarning() {
        Diagnostics d = new Diagnostics();
        var p = parse("image_load", "        ImageLoaded|endswith: '\\dbghelp.dll'\n        Signed: 'false'\n", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals("windows-image-load-sysmon", pipeline(p));
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals(List.of("logs-windows.sysmon_operational-*"), ir.pipeline().orElseThrow().indices());
        assertTrue(ExprFields.of(ir.detection()).containsAll(List.of("event.code", "file.path",
                "winlog.event_data.Signed")), ir.detection().toString());
        Diagnostic w = d.all().get(0);
        assertEquals("pipeline.alternative", w.code());
        assertEquals("r.yml:5:5: warning: pipeline [windows-image-load] cannot map this rule (field [Signed] has no"
                + " mapping in pipeline [windows-image-load]); compiled with its alternative [windows-image-load-sysmon],"
                + " index logs-windows.sysmon_operational-* (the rule searches the data source that records its fields;"
                + " pass --pipeline to choose another) [pipeline.alternative]", w.format());
    }

    @Test
    void userJoinsDomainAndNameInElasticDefendProcessEvents() {
        Diagnostics d = new Diagnostics();
        var p = parse("process_creation", "        User: 'NT AUTHORITY\\SYSTEM'\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        assertEquals("windows-process-creation", pipeline(p));
        assertTrue(ExprFields.of(p.rules().get(0).detection()).containsAll(List.of("user.domain", "user.name")));
    }

    @Test
    void joinedValueThatCanNeverMatchIsAnErrorWithTheReason() {
        Diagnostics d = new Diagnostics();
        parse("process_creation", "        User: 'SYSTEM'\n", d);
        assertEquals("r.yml:9:15: error: field [User] is split into [user.domain] and [user.name] by pipeline"
                + " [windows-process-creation]; [SYSTEM] has no separator [\\] and no wildcard, but a"
                + " [user.domain]\\[user.name] value always holds the separator, so it can never match; its alternative"
                + " [windows-process-creation-sysmon] cannot map the rule either (write DOMAIN\\name, or use wildcards"
                + " for either part) [pipeline.unmapped-value]", d.all().get(0).format());
    }

    @Test
    void fieldNoCandidateRecordsFailsWithThePipelinesReason() {
        Diagnostics d = new Diagnostics();
        var p = parse("network_connection", "        CommandLine|contains: ' /c '\n", d);
        assertTrue(p.rules().isEmpty());
        assertEquals("r.yml:9:9: error: field [CommandLine] has no mapping in pipeline [windows-network]: Elastic"
                + " Defend network events keep no command line (their process fields are executable, name, pid and"
                + " ids), nor do Sysmon network events; its alternative [windows-network-sysmon] cannot map the rule"
                + " either (compile the rule for a data source that records it, or pass a pipeline that maps it)"
                + " [pipeline.unmapped-field]", d.all().get(0).format());
    }

    @Test
    void fieldTheDataSourceMayLeaveEmptyIsMappedWithAWarning() {
        Diagnostics d = new Diagnostics();
        var p = parse("file_event", "        CommandLine|contains: 'powershell'\n", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals("windows-file", pipeline(p));
        assertEquals("r.yml:9:9: warning: field [CommandLine] maps to [process.command_line] in pipeline [windows-file],"
                + " but Elastic Defend may not fill the command line in file events (check that your data source fills"
                + " it, or the rule may miss events) [pipeline.sparse-field]", d.all().get(0).format());
    }

    @Test
    void joinedFieldCannotBeOneCorrelationField(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path f = tmp.resolve("c.yml");
        java.nio.file.Files.writeString(f, String.format(HEAD, "process_creation") + "        Image|endswith: '\\whoami.exe'\n"
                + "    condition: s\nname: whoami\n---\ntitle: c\nid: y\nlevel: low\ncorrelation:\n    type: event_count\n"
                + "    rules: [whoami]\n    group-by: [User]\n    timespan: 1h\n    condition: {gte: 5}\n");
        Diagnostics d = new Diagnostics();
        SigmaFrontEnd.compile(f, new dev.rulec.target.esql.EsqlRenderer(), PipelineSet.builtIns(), d);
        assertTrue(d.all().stream().anyMatch(x -> x.format().contains("correlation field [User] is kept in several"
                + " target fields by the pipeline of rule [x], so it cannot be one correlation field")), d.all().toString());
    }

    @Test
    void otherErrorsDoNotFallThroughToAnAlternative() {
        Diagnostics d = new Diagnostics();
        var p = parse("image_load", "        Signed|gt: 'x'\n", d);
        assertTrue(p.rules().isEmpty());
        assertEquals(1, d.all().size(), d.all().toString());
        assertEquals("sigma.invalid-value", d.all().get(0).code());
    }
}
