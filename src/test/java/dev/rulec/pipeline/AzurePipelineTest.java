package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.ExprFields;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Azure and Entra ID rules compile to the data streams of Elastic's Azure Logs integration, with the fields its
 * ingest pipelines rename the exported records' keys to; fields they reshape, and PIM alerts (which no data stream
 * collects), are errors that say why.
 */
class AzurePipelineTest {

    private static SigmaRuleIr compiles(String service, String selection) {
        return SigmaSnippets.compiles("azure", service, selection);
    }

    private static Diagnostic firstError(String service, String selection) {
        return SigmaSnippets.firstError("azure", service, selection);
    }

    @Test
    void eachServiceSearchesItsOwnDataStream() {
        Map<String, String> expected = Map.of(
                "activitylogs", "logs-azure.activitylogs-*",
                "auditlogs", "logs-azure.auditlogs-*",
                "signinlogs", "logs-azure.signinlogs-*",
                "riskdetection", "logs-azure.identity_protection-*");
        Map<String, String> field = Map.of("activitylogs", "operationName", "auditlogs", "operationName",
                "signinlogs", "ResultType", "riskdetection", "riskEventType");
        expected.forEach((service, index) -> {
            SigmaRuleIr ir = compiles(service, "        " + field.get(service) + ": x\n");
            assertEquals("azure-" + service, ir.pipeline().orElseThrow().name());
            assertEquals(List.of(index), ir.pipeline().orElseThrow().indices());
        });
    }

    @Test
    void activityLogFieldsBecomeTheIntegrationsFields() {
        SigmaRuleIr ir = compiles("activitylogs", "        operationName: MICROSOFT.KEYVAULT/VAULTS/WRITE\n"
                + "        OperationNameValue: Microsoft.KeyVault/vaults/write\n"
                + "        ResourceId|contains: AdFederationService\n");
        assertEquals(Set.of("azure.activitylogs.operation_name", "azure.resource.id"), ExprFields.of(ir.detection()));
    }

    @Test
    void activityLogPropertiesAreKeysOfAFlattenedField() {
        SigmaRuleIr ir = compiles("activitylogs", "        properties.message: Delete device\n");
        assertEquals("flattened", ir.pipeline().orElseThrow().fieldTypes()
                .typeOf("azure.activitylogs.properties.message").orElseThrow());
    }

    @Test
    void auditLogFieldsBecomeTheIntegrationsFields() {
        SigmaRuleIr ir = compiles("auditlogs", "        OperationName: Update user\n        Category: UserManagement\n"
                + "        LoggedByService: Core Directory\n        ActivityDisplayName: Update user\n");
        assertEquals(Set.of("azure.auditlogs.operation_name", "azure.auditlogs.properties.category",
                "azure.auditlogs.properties.logged_by_service", "azure.auditlogs.properties.activity_display_name"),
                ExprFields.of(ir.detection()));
    }

    @Test
    void resultBecomesEventOutcomeOnlyForTheValuesTheIngestPipelineMoves() {
        SigmaRuleIr ir = compiles("auditlogs", "        Status: Success\n        properties.result: success\n");
        assertEquals(Set.of("event.outcome"), ExprFields.of(ir.detection()));
        Diagnostic e = firstError("auditlogs", "        Status: Admin registered temporary access pass method\n");
        assertEquals("pipeline.unmapped-value", e.code(), e.format());
    }

    @Test
    void auditFieldsTheIngestPipelineReshapesAreErrorsWithTheReason() {
        for (String field : List.of("TargetResources", "properties.targetResources", "targetResources.type",
                "TargetResources.ModifiedProperties.NewValue", "Initiatedby", "properties.message")) {
            Diagnostic e = firstError("auditlogs", "        " + field + "|contains: Admin\n");
            assertEquals("pipeline.unmapped-field", e.code(), field);
            assertTrue(e.format().contains("[azure-auditlogs]: "), e.format());
        }
    }

    @Test
    void signInFieldsBecomeTheIntegrationsSnakeCaseFields() {
        SigmaRuleIr ir = compiles("signinlogs", "        ResultType: 50053\n"
                + "        AuthenticationRequirement: singleFactorAuthentication\n"
                + "        DeviceDetail.isCompliant: 'false'\n        userAgent|contains: azurehound\n");
        assertEquals(Set.of("azure.signinlogs.result_type", "azure.signinlogs.properties.authentication_requirement",
                "azure.signinlogs.properties.device_detail.is_compliant", "user_agent.original"),
                ExprFields.of(ir.detection()));
        assertEquals("boolean",
                ir.pipeline().orElseThrow().types().get("azure.signinlogs.properties.device_detail.is_compliant"));
    }

    @Test
    void signInStatusOtherThanSuccessIsNotGuessed() {
        SigmaRuleIr ir = compiles("signinlogs", "        Status: Success\n");
        assertEquals(Set.of("event.outcome"), ExprFields.of(ir.detection()));
        Diagnostic e = firstError("signinlogs", "        Status|contains: MFA Denied\n");
        assertEquals("pipeline.unmapped-value", e.code(), e.format());
    }

    @Test
    void pimAlertsAreAnErrorBecauseNoDataStreamCollectsThem() {
        Diagnostic e = firstError("pim", "        riskEventType: staleSignInAlertIncident\n");
        assertTrue(e.format().contains("[azure-pim]") && e.format().contains("Privileged Identity Management"),
                e.format());
    }

    @Test
    void fieldWithoutAVerifiedRenameIsAnErrorNotAGuess() {
        Diagnostic e = firstError("signinlogs", "        ActivityDetails: Sign-ins\n");
        assertEquals("pipeline.unmapped-field", e.code());
    }

    @Test
    void sigmaHqAzureRulesLeaveGenericAndCompileOrFailForAFieldTheIntegrationDoesNotKeep() {
        Path root = SharedFiles.require("corpus/sigma/rules/cloud/azure");
        List<Path> files = SharedFiles.sigmaRules().stream().filter(f -> f.startsWith(root)).toList();
        SigmaFrontEnd fe = new SigmaFrontEnd(PipelineSet.builtIns());
        List<String> problems = new ArrayList<>();
        int compiled = 0;
        for (Path f : files) {
            Diagnostics d = new Diagnostics();
            for (SigmaRuleIr r : fe.parse(List.of(f), d).rules()) {
                compiled++;
                String name = r.pipeline().orElseThrow().name();
                if (!name.startsWith("azure-")) {
                    problems.add(f.getFileName() + ": pipeline " + name);
                }
                ExprFields.of(r.detection()).stream()
                        .filter(x -> !x.startsWith("azure.") && !x.equals("event.outcome")
                                && !x.equals("user_agent.original"))
                        .forEach(x -> problems.add(f.getFileName() + ": field " + x));
            }
            d.all().stream().filter(Diagnostic::isError)
                    .filter(x -> !x.code().equals("pipeline.unmapped-value")
                            && (!x.code().equals("pipeline.unmapped-field") || !x.format().contains("[azure-")))
                    .forEach(x -> problems.add(x.format()));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(compiled >= 76, "compiled " + compiled + " of " + files.size());
        assertFalse(files.isEmpty());
    }
}
