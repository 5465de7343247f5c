package dev.rulec.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.kibana.KibanaAuth;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaConfig;
import dev.rulec.kibana.KibanaException;
import dev.rulec.kibana.standin.Fault;
import dev.rulec.kibana.standin.StandInKibana;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An answer without the shape Kibana's API documents is a clear error naming the call and the member, never a rule
 * read as having no id. The stand-in's schema gate checks each changed answer too: its violations prove, by Kibana's
 * own schema, that the answer is off.
 */
class DeployMalformedAnswerTest {
    private static final String RULES = "/api/detection_engine/rules";
    private StandInKibana kibana;

    @BeforeEach
    void start() {
        kibana = StandInKibana.start(SharedFiles.require("kibana/detections-api.schema.yaml"));
    }

    @AfterEach
    void stop() {
        kibana.close();
    }

    private Deployer deployer() {
        return new Deployer(KibanaClient.connect(KibanaConfig.of(kibana.url(), new KibanaAuth.None())),
                DeployOptions.defaults().withPrune(true));
    }

    private KibanaException planFails(String method, String path, UnaryOperator<ObjectNode> change) {
        Deployer d = deployer();
        d.apply(d.plan(SyntheticRules.payloads(2)), Progress.none());
        kibana.inject(method, path, new Fault.Reshape(change), 1);
        return assertThrows(KibanaException.class, () -> d.plan(SyntheticRules.payloads(2)));
    }

    private void assertSchemaAgrees(String member) {
        assertFalse(kibana.violations().isEmpty(), "the schema gate accepted the changed answer");
        assertTrue(kibana.violations().stream().anyMatch(v -> v.contains(member)), kibana.violations().toString());
    }

    @Test
    void aFoundRuleWithoutRuleIdNamesTheMember() {
        KibanaException e = planFails("GET", RULES + "/_find", page -> {
            ((ObjectNode) page.withArray("data").get(1)).remove("rule_id");
            return page;
        });
        assertEquals(KibanaException.Kind.MALFORMED_RESPONSE, e.kind());
        assertEquals("GET " + RULES + "/_find: Kibana's answer does not have the shape its API documents: "
                + "data[1].rule_id is missing (is the URL Kibana's, not a proxy's, and Kibana 8.0 or later?)", e.getMessage());
        assertSchemaAgrees("rule_id");
    }

    @Test
    void aFindPageWithoutDataOrWithATextTotalNamesTheMember() {
        KibanaException noData = planFails("GET", RULES + "/_find", page -> {
            page.remove("data");
            return page;
        });
        assertTrue(noData.getMessage().contains(": data is missing"), noData.getMessage());
        assertSchemaAgrees("data");

        KibanaException textTotal = planFails("GET", RULES + "/_find", page -> page.put("total", "2"));
        assertTrue(textTotal.getMessage().contains(": total is not a whole number"), textTotal.getMessage());
    }

    @Test
    void anImportAnswerWithoutItsErrorsListFailsTheBatchByName() {
        Deployer d = deployer();
        kibana.inject("POST", RULES + "/_import", new Fault.Reshape(r -> {
            r.remove("errors");
            return r;
        }), 1);
        DeployResult result = d.apply(d.plan(SyntheticRules.payloads(2)), Progress.none());
        assertFalse(result.ok());
        assertTrue(result.failures().get(0).message().contains("POST " + RULES + "/_import: Kibana's answer does not "
                + "have the shape its API documents: errors is missing"), result.failures().get(0).message());
        assertSchemaAgrees("errors");
    }

    @Test
    void aDeleteErrorWithoutItsRulesNamesTheMember() {
        Deployer d = deployer();
        d.apply(d.plan(SyntheticRules.payloads(3)), Progress.none());
        Plan plan = d.plan(SyntheticRules.payloads(2));
        // Kibana reports a rule it could not delete with the rules the error names; this answer drops them.
        kibana.inject("POST", RULES + "/_bulk_action", new Fault.Reshape(r -> {
            r.withObject("/attributes").withObject("/results").withArray("deleted").removeAll();
            r.withObject("/attributes").withArray("errors").addObject().put("message", "stand-in: lost")
                    .put("status_code", 500);
            return r;
        }), 1);
        DeployResult result = d.apply(plan, Progress.none());
        assertFalse(result.ok());
        assertTrue(result.failures().get(0).message().contains("POST " + RULES + "/_bulk_action: Kibana's answer does "
                + "not have the shape its API documents: attributes.errors[0].rules is missing"),
                result.failures().get(0).message());
        assertSchemaAgrees("rules");
    }

    @Test
    void wellFormedAnswersLeaveNoViolation() {
        Deployer d = deployer();
        assertTrue(d.apply(d.plan(SyntheticRules.payloads(3)), Progress.none()).ok());
        assertTrue(d.apply(d.plan(SyntheticRules.payloads(1)), Progress.none()).ok());
        assertEquals(1, kibana.rules("default").size());
        assertEquals(List.of(), kibana.violations());
    }
}
