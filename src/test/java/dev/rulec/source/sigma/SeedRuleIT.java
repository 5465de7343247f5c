package dev.rulec.source.sigma;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.Matcher;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.target.lucene.LuceneRenderer;
import dev.rulec.testsupport.es.EsNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The seed rule (003) through the AWS pipeline, run by a real Elasticsearch node as ES|QL and Lucene, and by the
 * in-process matcher: all three select exactly the events in the listed regions, except AWSService identities and
 * replication events.
 */
class SeedRuleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "logs-aws.cloudtrail-rulec-seed";

    private record Case(String id, String region, String identityType, String action, boolean expected) {
    }

    private static final List<Case> CASES = List.of(
            new Case("hk", "ap-east-1", "IAMUser", "GetObject", true),
            new Case("za", "af-south-1", "AssumedRole", "ListBuckets", true),
            new Case("bh", "me-south-1", "Root", "ConsoleLogin", true),
            new Case("it", "eu-south-1", "IAMUser", "PutObject", true),
            new Case("case", "AP-EAST-1", "IAMUser", "GetObject", true),
            new Case("us", "us-east-1", "IAMUser", "GetObject", false),
            new Case("near", "ap-east-2", "IAMUser", "GetObject", false),
            new Case("svc", "ap-east-1", "AWSService", "GetObject", false),
            new Case("svccase", "ap-east-1", "awsservice", "GetObject", false),
            new Case("repl", "af-south-1", "IAMUser", "ReplicateObject", false),
            new Case("repldel", "me-south-1", "IAMUser", "ReplicateDelete", false),
            new Case("repltags", "eu-south-1", "IAMUser", "ReplicateTags", false),
            new Case("replother", "eu-south-1", "IAMUser", "ReplicateSomething", true));

    private static ObjectNode event(Case c) {
        ObjectNode e = JSON.createObjectNode().put("@timestamp", "2026-01-01T00:00:00Z")
                .put("event.dataset", "aws.cloudtrail").put("event.provider", "s3.amazonaws.com")
                .put("cloud.region", c.region()).put("event.action", c.action());
        e.putObject("aws").putObject("cloudtrail").putObject("user_identity").put("type", c.identityType());
        return e;
    }

    @Test
    void seedRuleSelectsTheSameEventsInEsqlLuceneAndTheMatcher() throws Exception {
        EsNode node = EsNode.require();
        Path seed = dev.rulec.testsupport.Seeds.sigma003();
        Diagnostics d = new Diagnostics();
        String esql = ((Detection.Esql) SigmaFrontEnd.compile(seed, new EsqlRenderer(), PipelineSet.builtIns(), d)
                .get(0).rule().detection()).query();
        List<LoadedRule> lucene = SigmaFrontEnd.compile(seed, new LuceneRenderer(), PipelineSet.builtIns(), d);
        String luceneQuery = ((Detection.Query) lucene.get(0).rule().detection()).query();
        assertFalse(d.hasErrors(), d.all().toString());
        Matcher matcher = Matcher.compile(new SigmaFrontEnd(PipelineSet.builtIns()).parse(List.of(seed), d).rules()
                .get(0).detection());

        Set<String> expected = new LinkedHashSet<>();
        List<ObjectNode> docs = new ArrayList<>();
        Set<String> matched = new LinkedHashSet<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            docs.add(event(c));
            if (c.expected()) {
                expected.add("s" + i);
            }
            if (matcher.matches(event(c))) {
                matched.add("s" + i);
            }
        }
        assertEquals(expected, matched, "in-process matcher");
        node.createIndex(INDEX, Map.of("@timestamp", "date"));
        try {
            assertEquals(Map.of(), node.bulk(INDEX, "s", docs));
            EsNode.Hits es = node.esql(esql);
            assertEquals(java.util.Optional.empty(), es.error(), esql);
            assertEquals(expected, es.ids(), esql);
            EsNode.Hits lu = node.queryString(INDEX, luceneQuery);
            assertEquals(java.util.Optional.empty(), lu.error(), luceneQuery);
            assertEquals(expected, lu.ids(), luceneQuery);
        } finally {
            node.deleteIndex(INDEX);
        }
    }
}
