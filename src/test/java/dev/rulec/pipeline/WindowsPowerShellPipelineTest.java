package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostics;
import dev.rulec.source.sigma.SigmaFrontEnd;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PowerShell module and classic-channel rules select the Windows integration's PowerShell data streams, and the raw
 * text fields they match, which the integration splits and removes, are errors that say so (the rule then compiles
 * with a Custom Windows Event Logs alternative, when one maps it).
 */
class WindowsPowerShellPipelineTest {

    private static Diagnostics parse(String logsource, String selection, PipelineSet set) {
        Diagnostics d = new Diagnostics();
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: windows\n    " + logsource + "\n"
                + "detection:\n    s:\n" + selection + "    condition: s\n";
        new SigmaFrontEnd(set).parseText(rule, "r.yml", d);
        return d;
    }

    /** Only the Windows integration's pipeline, without the Custom Windows Event Logs alternatives. */
    private static PipelineSet only(String name) {
        return PipelineSet.of(List.of(PipelineSet.builtIns().named(name).orElseThrow()));
    }

    @Test
    void eachPowerShellLogsourceSelectsItsDataStreamAndEvent() {
        PipelineSet set = PipelineSet.builtIns();
        Pipeline module = set.select(Map.of("product", "windows", "category", "ps_module")).orElseThrow();
        assertEquals(List.of("logs-windows.powershell_operational-*"), module.indices());
        assertEquals(List.of("4103"), module.conditions().get("event.code"));
        Pipeline start = set.select(Map.of("product", "windows", "category", "ps_classic_start")).orElseThrow();
        assertEquals(List.of("logs-windows.powershell-*"), start.indices());
        assertEquals(List.of("400"), start.conditions().get("event.code"));
        Pipeline classic = set.select(Map.of("product", "windows", "service", "powershell-classic")).orElseThrow();
        assertEquals("windows-powershell-classic", classic.name());
    }

    @Test
    void rawTextTheIntegrationSplitsIsAnErrorWithTheReason() {
        Diagnostics module = parse("category: ps_module", "        Payload|contains: 'Invoke-Mimikatz'\n",
                only("windows-powershell-module"));
        assertTrue(module.hasErrors());
        assertTrue(module.all().get(0).format().contains("powershell.command.invocation_details"),
                module.all().toString());
        Diagnostics classic = parse("category: ps_classic_start", "        Data|contains: 'HostName=ConsoleHost'\n",
                only("windows-powershell-classic-start"));
        assertTrue(classic.hasErrors());
        assertTrue(classic.all().get(0).format().contains("one field per key"), classic.all().toString());
    }

    @Test
    void rawTextRuleNamesTheReasonWhenItFallsToTheCustomWindowsEventLogsAlternative() {
        Diagnostics d = parse("category: ps_module", "        Payload|contains: 'Invoke-Mimikatz'\n",
                PipelineSet.builtIns());
        assertTrue(!d.hasErrors(), d.all().toString());
        assertEquals("pipeline.alternative", d.all().get(0).code());
        assertTrue(d.all().get(0).format().contains("powershell.command.invocation_details"), d.all().toString());
    }
}
