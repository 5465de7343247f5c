package dev.rulec.source.sigma;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Matcher;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.model.Detection;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.target.kql.KqlRenderer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The seed rule (003) compiled to KQL selects the listed regions minus AWSService identities and replication events:
 * the KQL text is parsed back with rulec's KQL parser and evaluated on events by the in-process matcher.
 * (Elasticsearch 8.19's server-side KQL() cannot parse value groups such as {@code f:("a" or "b")}, which Kibana's
 * KQL accepts, so the text is checked through rulec's own parser.)
 */
class SeedRuleKqlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode event(String region, String type, String action) {
        ObjectNode e = JSON.createObjectNode().put("event.dataset", "aws.cloudtrail")
                .put("event.provider", "s3.amazonaws.com").put("cloud.region", region).put("event.action", action);
        e.put("aws.cloudtrail.user_identity.type", type);
        return e;
    }

    @Test
    void seedRuleKqlSelectsTheListedRegionsMinusServicesAndReplication() throws Exception {
        Path seed = dev.rulec.testsupport.Seeds.sigma003();
        Diagnostics d = new Diagnostics();
        String kql = ((Detection.Query) SigmaFrontEnd.compile(seed, new KqlRenderer(), PipelineSet.builtIns(), d)
                .get(0).rule().detection()).query();
        assertFalse(d.hasErrors(), d.all().toString());
        Expr parsed = KqlParser.parse(kql, SourcePos.startOf("kql"), d).orElseThrow();
        Matcher m = Matcher.compile(parsed);
        for (String region : List.of("ap-east-1", "af-south-1", "me-south-1", "eu-south-1")) {
            assertEquals(true, m.matches(event(region, "IAMUser", "GetObject")), region);
            assertEquals(false, m.matches(event(region, "AWSService", "GetObject")), region + " AWSService");
            for (String repl : List.of("ReplicateObject", "ReplicateDelete", "ReplicateTags")) {
                assertEquals(false, m.matches(event(region, "IAMUser", repl)), region + " " + repl);
            }
        }
        assertEquals(false, m.matches(event("us-east-1", "IAMUser", "GetObject")));
        assertEquals(false, m.matches(event("ap-east-2", "IAMUser", "GetObject")));
    }
}
