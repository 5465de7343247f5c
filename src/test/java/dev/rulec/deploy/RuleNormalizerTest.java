package dev.rulec.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleNormalizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) JSON.readTree(s);
    }

    @Test
    void aRuleReadBackFromKibanaEqualsThePayloadThatCreatedIt() throws Exception {
        ObjectNode payload = json("""
                {"rule_id":"r","name":"n","description":"d","risk_score":21,"severity":"low","type":"query",
                 "query":"a: b","required_fields":[{"name":"a","type":"keyword"}],"tags":["t"]}""");
        ObjectNode kibana = json("""
                {"id":"4d1c","rule_id":"r","name":"n","description":"d","risk_score":21.0,"severity":"low","type":"query",
                 "query":"a: b","language":"kuery","required_fields":[{"name":"a","type":"keyword","ecs":false}],
                 "tags":["t"],"enabled":true,"interval":"5m","from":"now-6m","to":"now","max_signals":100,"version":1,
                 "setup":"","actions":[],"author":[],"exceptions_list":[],"false_positives":[],"references":[],
                 "related_integrations":[],"risk_score_mapping":[],"severity_mapping":[],"threat":[],"throttle":"no_actions",
                 "created_at":"2026-01-01T00:00:00Z","created_by":"elastic","updated_at":"2026-01-01T00:00:00Z",
                 "updated_by":"elastic","revision":3,"immutable":false,"rule_source":{"type":"internal"},
                 "execution_summary":{"last_execution":{"status":"succeeded"}}}""");
        assertEquals(RuleNormalizer.normalize(payload), RuleNormalizer.normalize(kibana));
        assertEquals(List.of(), RuleNormalizer.changedFields(payload, kibana));
    }

    @Test
    void namesEveryTopLevelFieldThatDiffers() throws Exception {
        ObjectNode a = json("{\"rule_id\":\"r\",\"query\":\"a: b\",\"interval\":\"5m\",\"tags\":[\"x\",\"y\"]}");
        ObjectNode b = json("{\"rule_id\":\"r\",\"query\":\"a: c\",\"interval\":\"10m\",\"tags\":[\"y\",\"x\"],\"note\":\"n\"}");
        assertEquals(List.of("interval", "note", "query", "tags"), RuleNormalizer.changedFields(a, b));
    }
}
