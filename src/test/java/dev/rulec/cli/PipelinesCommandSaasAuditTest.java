package dev.rulec.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelinesCommandSaasAuditTest {

    @Test
    void listsTheCloudAuditKubernetesAndRpcFirewallPipelinesWithTheirDataStreams() {
        CommandRun run = CommandRun.of("pipelines");
        assertEquals(0, run.exitCode(), run.toString());
        for (String s : new String[] {"gcp-audit", "logs-gcp.audit-*", "google-workspace-admin",
                "logs-google_workspace.admin-*", "google-workspace-login", "logs-google_workspace.login-*",
                "github-audit", "logs-github.audit-*", "kubernetes-audit", "logs-kubernetes.audit_logs-*",
                "rpc-firewall", "logs-winlog.winlog-*", "m365-audit", "m365-threat-management",
                "m365-threat-detection", "m365-exchange", "logs-o365.audit-*", "bitbucket-audit",
                "logs-atlassian_bitbucket.audit-*", "fortigate-event", "logs-fortinet_fortigate.log-*"}) {
            assertTrue(run.out().contains(s), s + " in\n" + run.out());
        }
    }
}
