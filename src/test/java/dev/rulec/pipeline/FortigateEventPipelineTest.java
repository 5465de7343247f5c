package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.ExprFields;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FortiGate event-log rules compile to Elastic's Fortinet FortiGate integration, restricted to event logs: FortiOS
 * keys stay under fortinet.firewall or move to the ECS fields its ingest pipeline moves them to.
 */
class FortigateEventPipelineTest {

    private static SigmaFrontEnd.Parsed parse(String selection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: fortigate\n    service: event\n"
                + "detection:\n    s:\n" + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    @Test
    void configChangeKeysStayUnderFortinetFirewallAndOnlyEventLogsMatch() {
        Diagnostics d = new Diagnostics();
        var p = parse("        action: Add\n        cfgpath: system.admin\n        cfgattr|contains: accprofile\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals("fortigate-event", ir.pipeline().orElseThrow().name());
        assertEquals(List.of("logs-fortinet_fortigate.log-*"), ir.pipeline().orElseThrow().indices());
        assertEquals(Set.of("fortinet.firewall.type", "fortinet.firewall.action", "fortinet.firewall.cfgpath",
                "fortinet.firewall.cfgattr"), ExprFields.of(ir.detection()));
    }

    @Test
    void keysTheIngestPipelineMovesBecomeTheirEcsFields() {
        Diagnostics d = new Diagnostics();
        var p = parse("        logdesc: Object attribute configured\n        user: admin\n        msg|contains: Add\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        assertEquals(Set.of("fortinet.firewall.type", "rule.description", "source.user.name", "message"),
                ExprFields.of(p.rules().get(0).detection()));
    }

    @Test
    void fieldWithoutAVerifiedPlaceIsAnErrorNotAGuess() {
        Diagnostics d = new Diagnostics();
        parse("        logid: '0100044547'\n", d);
        assertTrue(d.hasErrors(), d.all().toString());
        assertEquals("pipeline.unmapped-field", d.all().get(0).code());
    }

    @Test
    void everySigmaHqFortigateRuleUsesTheFortigatePipeline() throws IOException {
        CorpusRules.check("corpus/sigma/rules/network/fortinet/fortigate", "fortigate-event",
                Set.of("fortinet.firewall."), 7);
    }
}
