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
 * Okta System Log rules compile to Elastic's Okta integration, with the fields its ingest pipeline renames the
 * System Log fields to; fields it drops or reshapes are errors that say why.
 */
class OktaPipelineTest {

    private static SigmaFrontEnd.Parsed parse(String selection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: okta\n    service: okta\n"
                + "detection:\n    s:\n" + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    @Test
    void systemLogFieldsBecomeTheIntegrationsOktaFields() {
        Diagnostics d = new Diagnostics();
        var p = parse("        eventType: user.session.start\n        securityContext.isProxy: 'true'\n"
                + "        outcome.result: FAILURE\n        actor.alternateId|endswith: '@example.com'\n"
                + "        debugContext.debugData.requestUri|contains: admin\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals("okta-system", ir.pipeline().orElseThrow().name());
        assertEquals(List.of("logs-okta.system-*"), ir.pipeline().orElseThrow().indices());
        assertEquals(Set.of("okta.event_type", "okta.security_context.is_proxy", "okta.outcome.result",
                "okta.actor.alternate_id", "okta.debug_context.debug_data.request_uri"),
                ExprFields.of(ir.detection()));
        assertEquals("boolean", ir.pipeline().orElseThrow().types().get("okta.security_context.is_proxy"));
    }

    @Test
    void fieldTheIngestPipelineDropsIsAnErrorWithTheReason() {
        Diagnostics d = new Diagnostics();
        parse("        legacyEventType: core.user_auth.login_failed\n", d);
        assertTrue(d.hasErrors());
        String msg = d.all().get(0).format();
        assertTrue(msg.contains("[okta-system]") && msg.contains("does not keep it")
                && msg.endsWith("[pipeline.unmapped-field]"), msg);
    }

    @Test
    void textTheIngestPipelineParsesIntoFieldsIsAnError() {
        for (String field : List.of("debugContext.debugData.behaviors", "debugContext.debugData.logOnlySecurityData")) {
            Diagnostics d = new Diagnostics();
            parse("        " + field + "|contains: POSITIVE\n", d);
            assertTrue(d.hasErrors(), field);
            assertEquals("pipeline.unmapped-field", d.all().get(0).code(), field);
        }
    }

    @Test
    void targetFieldsWarnThatSeveralTargetsMakeThemMultiValued() {
        Diagnostics d = new Diagnostics();
        parse("        target.displayName: Okta Admin Console\n", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(List.of("pipeline.sparse-field"), d.all().stream().map(Diagnostic::code).toList());
        assertTrue(d.all().get(0).format().contains("multi-valued"), d.all().toString());
    }

    @Test
    void fieldWithoutAVerifiedRenameIsAnErrorNotAGuess() {
        Diagnostics d = new Diagnostics();
        parse("        severity: WARN\n", d);
        assertTrue(d.hasErrors(), d.all().toString());
    }

    @Test
    void everySigmaHqOktaRuleUsesTheOktaPipelineOrFailsForAFieldItDoesNotKeep() throws IOException {
        CorpusRules.check("corpus/sigma/rules/identity/okta", "okta-system", Set.of("okta."), 19);
    }
}
