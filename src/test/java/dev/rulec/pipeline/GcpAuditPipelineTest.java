package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.ExprFields;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Google Cloud audit rules compile to Elastic's GCP integration, with the fields its ingest pipeline writes the
 * LogEntry to (the method name is event.action, not the declared but empty gcp.audit.method_name); fields it
 * keeps in a nested object or drops are errors that say why.
 */
class GcpAuditPipelineTest {

    private static SigmaFrontEnd.Parsed parse(String selection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: gcp\n    service: gcp.audit\n"
                + "detection:\n    s:\n" + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    @Test
    void methodNameInEveryNamingIsTheEventAction() {
        for (String field : List.of("gcp.audit.method_name", "protoPayload.methodName", "data.protoPayload.methodName")) {
            Diagnostics d = new Diagnostics();
            var p = parse("        " + field + "|endswith: .serviceAccounts.delete\n", d);
            assertTrue(d.all().isEmpty(), d.all().toString());
            SigmaRuleIr ir = p.rules().get(0);
            assertEquals("gcp-audit", ir.pipeline().orElseThrow().name());
            assertEquals(List.of("logs-gcp.audit-*"), ir.pipeline().orElseThrow().indices());
            assertEquals(Set.of("event.action"), ExprFields.of(ir.detection()), field);
        }
    }

    @Test
    void serviceNameIsSoughtWhereverThePipelineLeavesIt() {
        Diagnostics d = new Diagnostics();
        var p = parse("        data.protoPayload.serviceName: accesscontextmanager.googleapis.com\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        assertEquals(Set.of("service.name", "gcp.audit.service_name"), ExprFields.of(p.rules().get(0).detection()));
    }

    @Test
    void authorizationInfoIsANestedFieldAndAnErrorWithTheReason() {
        Diagnostics d = new Diagnostics();
        parse("        data.protoPayload.authorizationInfo.permission: accesscontextmanager.accessPolicies.delete\n", d);
        assertTrue(d.hasErrors());
        String msg = d.all().get(0).format();
        assertTrue(msg.contains("[gcp-audit]") && msg.contains("nested") && msg.endsWith("[pipeline.unmapped-field]"),
                msg);
    }

    @Test
    void resourceNameWarnsThatKubernetesEventsLackIt() {
        Diagnostics d = new Diagnostics();
        parse("        protoPayload.resourceName|contains: secrets\n", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(List.of("pipeline.sparse-field"), d.all().stream().map(Diagnostic::code).toList());
    }

    @Test
    void fieldWithoutAVerifiedRenameIsAnErrorNotAGuess() {
        Diagnostics d = new Diagnostics();
        parse("        protoPayload.requestMetadata.callerNetwork: x\n", d);
        assertTrue(d.hasErrors(), d.all().toString());
    }

    @Test
    void everySigmaHqGcpAuditRuleUsesTheGcpPipelineOrFailsForAFieldItDoesNotKeep() throws IOException {
        CorpusRules.check("corpus/sigma/rules/cloud/gcp/audit", "gcp-audit", Set.of("event.", "service.",
                "gcp.audit.", "log."), 14);
    }
}
