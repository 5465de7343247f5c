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
 * Kubernetes audit rules compile to Elastic's Kubernetes integration, which keeps the audit event's own keys under
 * kubernetes.audit; keys the event does not have, or the data stream does not index, are errors that say why.
 */
class KubernetesAuditPipelineTest {

    private static SigmaFrontEnd.Parsed parse(String logsource, String selection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n" + logsource
                + "detection:\n    s:\n" + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    private static SigmaFrontEnd.Parsed parse(String selection, Diagnostics d) {
        return parse("    product: kubernetes\n    service: audit\n", selection, d);
    }

    @Test
    void auditEventKeysBecomeTheirKubernetesAuditFields() {
        Diagnostics d = new Diagnostics();
        var p = parse("        verb: create\n        objectRef.resource: pods\n        objectRef.subresource: exec\n"
                + "        objectRef.namespace: kube-system\n        objectRef.apiGroup: batch\n"
                + "        user.username|startswith: 'system:'\n        requestURI|contains: '/bin/sh'\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals("kubernetes-audit", ir.pipeline().orElseThrow().name());
        assertEquals(List.of("logs-kubernetes.audit_logs-*"), ir.pipeline().orElseThrow().indices());
        assertEquals(Set.of("kubernetes.audit.verb", "kubernetes.audit.objectRef.resource",
                "kubernetes.audit.objectRef.subresource", "kubernetes.audit.objectRef.namespace",
                "kubernetes.audit.objectRef.apiGroup", "kubernetes.audit.user.username",
                "kubernetes.audit.requestURI"), ExprFields.of(ir.detection()));
    }

    @Test
    void applicationCategoryRulesUseTheSamePipeline() {
        Diagnostics d = new Diagnostics();
        var p = parse("    category: application\n    product: kubernetes\n    service: audit\n",
                "        verb: delete\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        assertEquals("kubernetes-audit", p.rules().get(0).pipeline().orElseThrow().name());
    }

    @Test
    void responseCodeIsAnIntegerThatWarnsAboutGkeStatusCodes() {
        Diagnostics d = new Diagnostics();
        var p = parse("        responseStatus.code: 403\n", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(List.of("pipeline.sparse-field"), d.all().stream().map(Diagnostic::code).toList());
        assertTrue(d.all().get(0).format().contains("GKE"), d.all().toString());
        assertEquals("integer",
                p.rules().get(0).pipeline().orElseThrow().types().get("kubernetes.audit.responseStatus.code"));
    }

    @Test
    void hostPathIsTheFlattenedVolumeSourceAndWarnsThatOnlyRequestLevelAuditRecordsIt() {
        Diagnostics d = new Diagnostics();
        var p = parse("        hostPath: '*'\n", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(List.of("pipeline.sparse-field"), d.all().stream().map(Diagnostic::code).toList());
        assertTrue(d.all().get(0).format().contains("level Request"), d.all().toString());
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals(Set.of("kubernetes.audit.requestObject.spec.volumes.hostPath"), ExprFields.of(ir.detection()));
        assertEquals("flattened",
                ir.pipeline().orElseThrow().types().get("kubernetes.audit.requestObject.spec.volumes.hostPath"));
    }

    @Test
    void topLevelApiGroupIsAnErrorPointingAtObjectRef() {
        Diagnostics d = new Diagnostics();
        parse("        apiGroup: apps\n", d);
        assertTrue(d.hasErrors());
        String msg = d.all().get(0).format();
        assertTrue(msg.contains("[kubernetes-audit]") && msg.contains("objectRef.apiGroup")
                && msg.endsWith("[pipeline.unmapped-field]"), msg);
    }

    @Test
    void capabilitiesIsAnErrorBecauseOnlyAddedCapabilitiesAreIndexed() {
        Diagnostics d = new Diagnostics();
        parse("        capabilities: '*'\n", d);
        assertTrue(d.hasErrors());
        assertTrue(d.all().get(0).format().contains("capabilities.add"), d.all().toString());
    }

    @Test
    void fieldTheDataStreamDoesNotIndexIsAnErrorNotAGuess() {
        Diagnostics d = new Diagnostics();
        parse("        requestObject.spec.containers.securityContext.capabilities.drop: ALL\n", d);
        assertTrue(d.hasErrors(), d.all().toString());
    }

    @Test
    void everySigmaHqKubernetesRuleUsesTheKubernetesPipelineOrFailsForAFieldItDoesNotKeep() throws IOException {
        CorpusRules.check("corpus/sigma/rules/application/kubernetes/audit", "kubernetes-audit",
                Set.of("kubernetes.audit."), 13);
    }
}
