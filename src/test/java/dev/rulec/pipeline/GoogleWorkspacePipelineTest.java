package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.Expr;
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
 * Google Workspace admin and login rules compile to Elastic's Google Workspace integration: Cloud Logging's
 * service name becomes the Reports API application the integration keeps in event.provider, the event name is
 * event.action, and parameters land where the ingest pipeline renames them.
 */
class GoogleWorkspacePipelineTest {

    private static SigmaFrontEnd.Parsed parse(String service, String selection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: gcp\n    service: " + service + "\n"
                + "detection:\n    s:\n" + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    @Test
    void adminServiceNameBecomesTheApplicationTheIntegrationRecords() {
        Diagnostics d = new Diagnostics();
        var p = parse("google_workspace.admin", "        eventService: admin.googleapis.com\n"
                + "        eventName: GRANT_ADMIN_PRIVILEGE\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals("google-workspace-admin", ir.pipeline().orElseThrow().name());
        assertEquals(List.of("logs-google_workspace.admin-*"), ir.pipeline().orElseThrow().indices());
        assertEquals(Set.of("event.provider", "event.action"), ExprFields.of(ir.detection()));
        assertTrue(ir.detection().toString().contains("admin") && !ir.detection().toString().contains("googleapis"),
                ir.detection().toString());
    }

    @Test
    void anotherServiceNameIsAnErrorNotAQueryThatMatchesNothing() {
        Diagnostics d = new Diagnostics();
        parse("google_workspace.admin", "        eventService: login.googleapis.com\n", d);
        assertTrue(d.hasErrors());
        assertEquals("pipeline.unmapped-value", d.all().get(0).code(), d.all().toString());
    }

    @Test
    void parametersSharedWithOtherParametersWarn() {
        Diagnostics d = new Diagnostics();
        var p = parse("google_workspace.admin", "        eventName: ENFORCE_STRONG_AUTHENTICATION\n"
                + "        new_value: 'false'\n", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(List.of("pipeline.sparse-field"), d.all().stream().map(Diagnostic::code).toList());
        assertTrue(ExprFields.of(p.rules().get(0).detection()).contains("google_workspace.admin.new_value"));
    }

    @Test
    void loginEventNameIsTheEventAction() {
        Diagnostics d = new Diagnostics();
        var p = parse("google_workspace.login", "        protoPayload.serviceName: login.googleapis.com\n"
                + "        protoPayload.metadata.event.eventName: suspicious_login\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        Expr det = p.rules().get(0).detection();
        assertEquals("google-workspace-login", p.rules().get(0).pipeline().orElseThrow().name());
        assertEquals(Set.of("event.provider", "event.action"), ExprFields.of(det));
    }

    @Test
    void misspeltServiceNameIsAnErrorThatSaysTheRightSpelling() {
        Diagnostics d = new Diagnostics();
        parse("google_workspace.login", "        protoPayload.Servicename: login.googleapis.com\n", d);
        assertTrue(d.hasErrors());
        assertTrue(d.all().get(0).format().contains("protoPayload.serviceName"), d.all().toString());
    }

    @Test
    void everySigmaHqWorkspaceRuleUsesItsPipelineOrFailsForAFieldItDoesNotKeep() throws IOException {
        Set<String> prefixes = Set.of("event.", "google_workspace.");
        CorpusRules.check("corpus/sigma/rules/cloud/gcp/gworkspace/admin", "google-workspace-admin", prefixes, 7);
        CorpusRules.check("corpus/sigma/rules/cloud/gcp/gworkspace/login", "google-workspace-login", prefixes, 2);
    }
}
