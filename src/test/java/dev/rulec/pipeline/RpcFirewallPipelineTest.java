package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.ExprFields;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RPC Firewall rules compile to the Custom Windows Event Logs integration, restricted to the RPCFW log, with the
 * interface UUID and opnum at the positions RPC Firewall writes them; names it does not write are errors.
 */
class RpcFirewallPipelineTest {

    private static SigmaFrontEnd.Parsed parse(String selection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: rpc_firewall\n    category: application\n"
                + "detection:\n    s:\n" + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    @Test
    void interfaceUuidAndOpNumAreTheSeventhAndEighthInsertionStringsOfTheRpcfwLog() {
        Diagnostics d = new Diagnostics();
        var p = parse("        EventLog: RPCFW\n        EventID: 3\n"
                + "        InterfaceUuid: 1ff70682-0a51-30e8-076d-740be8cee98b\n        OpNum: [0, 1]\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals("rpc-firewall", ir.pipeline().orElseThrow().name());
        assertEquals(List.of("logs-winlog.winlog-*"), ir.pipeline().orElseThrow().indices());
        assertEquals(Set.of("winlog.channel", "event.code", "winlog.event_data.param7", "winlog.event_data.param8"),
                ExprFields.of(ir.detection()));
        assertEquals(Map.of("winlog.channel", List.of("RPCFW")), ir.pipeline().orElseThrow().conditions());
    }

    @Test
    void aFieldNameRpcFirewallDoesNotWriteIsAnErrorNotAGuess() {
        Diagnostics d = new Diagnostics();
        parse("        Endpoint: '\\pipe\\lsarpc'\n", d);
        assertTrue(d.hasErrors(), d.all().toString());
        assertEquals("pipeline.unmapped-field", d.all().get(0).code());
    }

    @Test
    void everySigmaHqRpcFirewallRuleUsesTheRpcFirewallPipeline() throws IOException {
        CorpusRules.check("corpus/sigma/rules/application/rpc_firewall", "rpc-firewall",
                Set.of("winlog.", "event.code"), 17);
    }
}
