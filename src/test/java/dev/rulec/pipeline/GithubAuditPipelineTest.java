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
 * GitHub audit rules compile to Elastic's GitHub integration, with the fields its ingest pipeline renames the audit
 * log keys to; keys it folds together with others are errors that say why.
 */
class GithubAuditPipelineTest {

    private static SigmaFrontEnd.Parsed parse(String selection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: github\n    service: audit\n"
                + "detection:\n    s:\n" + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    @Test
    void auditLogKeysBecomeTheIntegrationsFields() {
        Diagnostics d = new Diagnostics();
        var p = parse("        action: repo.destroy\n        actor: octocat\n        org: acme\n"
                + "        repo: acme/tools\n        repository_public: 'true'\n", d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        SigmaRuleIr ir = p.rules().get(0);
        assertEquals("github-audit", ir.pipeline().orElseThrow().name());
        assertEquals(List.of("logs-github.audit-*"), ir.pipeline().orElseThrow().indices());
        assertEquals(Set.of("event.action", "user.name", "github.org", "github.repo", "github.repository_public"),
                ExprFields.of(ir.detection()));
        assertEquals("boolean", ir.pipeline().orElseThrow().types().get("github.repository_public"));
    }

    @Test
    void teamIsAnErrorBecauseDataTeamSharesItsField() {
        Diagnostics d = new Diagnostics();
        parse("        team: admins\n", d);
        assertTrue(d.hasErrors());
        String msg = d.all().get(0).format();
        assertTrue(msg.contains("[github-audit]") && msg.contains("data.team"), msg);
    }

    @Test
    void everySigmaHqGithubRuleUsesTheGithubPipeline() throws IOException {
        CorpusRules.check("corpus/sigma/rules/application/github/audit", "github-audit", Set.of("event."), 15);
    }
}
