package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.ExprFields;
import dev.rulec.source.sigma.SigmaRuleIr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Microsoft 365 rules compile to the audit data stream of Elastic's Microsoft 365 integration, with the fields its
 * ingest pipeline renames the Management Activity API's keys to; the alert rules' CloudTrail-style names become the
 * alert record's fields, and what no record holds is an error that says why.
 */
class M365PipelineTest {

    @Test
    void everyServiceSearchesTheAuditDataStream() {
        Map<String, String> field = Map.of("audit", "Workload", "threat_management", "eventSource",
                "threat_detection", "eventSource", "exchange", "eventSource");
        field.forEach((service, f) -> {
            SigmaRuleIr ir = SigmaSnippets.compiles("m365", service, "        " + f + ": x\n");
            assertEquals("m365-" + service.replace('_', '-'), ir.pipeline().orElseThrow().name());
            assertEquals(List.of("logs-o365.audit-*"), ir.pipeline().orElseThrow().indices());
        });
    }

    @Test
    void auditRecordKeysBecomeTheIntegrationsFields() {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr ir = SigmaSnippets.parse("m365", "audit", "        Workload: ThreatIntelligence\n"
                + "        Operation: TIMailData\n        Directionality: Inbound\n        ResultStatus: Success\n"
                + "        RequestType: 'Cmsi:Cmsi'\n", d).rules().get(0);
        assertTrue(d.all().stream().noneMatch(Diagnostic::isError), d.all().toString());
        assertEquals(Set.of("event.provider", "event.action", "o365.audit.Directionality",
                "o365.audit.ResultStatus", "o365.audit.ExtendedProperties.RequestType"), ExprFields.of(ir.detection()));
    }

    @Test
    void operationWarnsThatTheIngestPipelineRenamesSomeOperations() {
        Diagnostics d = new Diagnostics();
        SigmaSnippets.parse("m365", "audit", "        Operation: Disable Strong Authentication.\n", d);
        assertTrue(d.all().stream().anyMatch(x -> x.code().equals("pipeline.sparse-field")
                && x.format().contains("added-user-account")), d.all().toString());
    }

    @Test
    void alertNameIsTheRuleNameAndSuccessIsTheOutcomeWithAWarningThatOutcomeIsBroader() {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr ir = SigmaSnippets.parse("m365", "threat_management", "        eventSource: SecurityComplianceCenter\n"
                + "        eventName: Impossible travel activity\n        status: success\n", d).rules().get(0);
        assertEquals(Set.of("event.provider", "rule.name", "event.outcome"), ExprFields.of(ir.detection()));
        assertEquals(1, d.all().size(), d.all().toString());
        assertTrue(d.all().get(0).format().contains("no ResultStatus"), d.all().toString());
    }

    @Test
    void statusOtherThanSuccessIsNotGuessed() {
        Diagnostic e = SigmaSnippets.firstError("m365", "threat_detection", "        status: Active\n");
        assertEquals("pipeline.unmapped-value", e.code(), e.format());
    }

    @Test
    void exchangeEventNameIsTheCmdletInEventAction() {
        SigmaRuleIr ir = SigmaSnippets.compiles("m365", "exchange",
                "        eventSource: Exchange\n        eventName: Add-FederatedDomain\n");
        assertEquals(Set.of("event.provider", "event.action"), ExprFields.of(ir.detection()));
    }

    @Test
    void payloadIsAnErrorBecauseNoRecordHoldsTheCommandAsText() {
        Diagnostic e = SigmaSnippets.firstError("m365", "threat_management",
                "        Payload|contains: New-ComplianceSearchAction\n");
        assertEquals("pipeline.unmapped-field", e.code());
        assertTrue(e.format().contains("[m365-threat-management]") && e.format().contains("Parameters"), e.format());
    }

    @Test
    void fieldWithoutAVerifiedRenameIsAnErrorNotAGuess() {
        Diagnostic e = SigmaSnippets.firstError("m365", "audit", "        ClientIP: 10.0.0.1\n");
        assertEquals("pipeline.unmapped-field", e.code());
    }

    @Test
    void sigmaHqM365RulesLeaveGenericAndCompileOrFailForAFieldNoRecordHolds() throws IOException {
        CorpusRules.check("corpus/sigma/rules/cloud/m365/audit", "m365-audit", Set.of("event.", "o365.audit."), 4);
        CorpusRules.check("corpus/sigma/rules/cloud/m365/threat_management", "m365-threat-management",
                Set.of("event.", "rule.name"), 12);
        CorpusRules.check("corpus/sigma/rules/cloud/m365/threat_detection", "m365-threat-detection",
                Set.of("event.", "rule.name"), 1);
        CorpusRules.check("corpus/sigma/rules/cloud/m365/exchange", "m365-exchange", Set.of("event."), 1);
    }
}
