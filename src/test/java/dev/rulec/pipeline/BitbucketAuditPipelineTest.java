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
 * Bitbucket audit rules compile to Elastic's Atlassian Bitbucket integration, whose ingest pipeline moves the audit
 * event's auditType object to bitbucket.audit.type; fields without a verified rename are errors.
 */
class BitbucketAuditPipelineTest {

    private static SigmaFrontEnd.Parsed parse(String selection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: bitbucket\n    service: audit\n"
                + "detection:\n    s:\n" + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    @Test
    void auditTypeAndAuthorBecomeTheIntegrationsFields() {
        Diagnostics d = new Diagnostics();
        var p = parse("        auditType.category: Authentication\n        auditType.action: User login failed\n"
                + "        author.name: admin\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals("bitbucket-audit", ir.pipeline().orElseThrow().name());
        assertEquals(List.of("logs-atlassian_bitbucket.audit-*"), ir.pipeline().orElseThrow().indices());
        assertEquals(Set.of("bitbucket.audit.type.category", "bitbucket.audit.type.action", "user.name"),
                ExprFields.of(ir.detection()));
    }

    @Test
    void changedValuesKeysLiveInAFlattenedField() {
        Diagnostics d = new Diagnostics();
        var p = parse("        changedValues.to: 'true'\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals(Set.of("bitbucket.audit.changed_values.to"), ExprFields.of(ir.detection()));
        assertEquals("flattened", ir.pipeline().orElseThrow().types().get("bitbucket.audit.changed_values"));
    }

    @Test
    void fieldWithoutAVerifiedRenameIsAnErrorNotAGuess() {
        Diagnostics d = new Diagnostics();
        parse("        auditType.severity: high\n", d);
        assertTrue(d.hasErrors(), d.all().toString());
        assertEquals("pipeline.unmapped-field", d.all().get(0).code());
    }

    @Test
    void everySigmaHqBitbucketRuleUsesTheBitbucketPipeline() throws IOException {
        CorpusRules.check("corpus/sigma/rules/application/bitbucket", "bitbucket-audit", Set.of("bitbucket."), 14);
    }
}
