package dev.rulec.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.kibana.KibanaAuth;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaConfig;
import dev.rulec.kibana.standin.StandInKibana;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeployerTest {
    private StandInKibana kibana;

    @BeforeEach
    void start() {
        kibana = StandInKibana.start(SharedFiles.require("kibana/detections-api.schema.yaml"));
    }

    @AfterEach
    void stop() {
        if (kibana != null) {
            assertEquals(List.of(), kibana.violations(), "schema violations");
            kibana.close();
        }
    }

    private Deployer deployer(DeployOptions options) {
        return new Deployer(KibanaClient.connect(KibanaConfig.of(kibana.url(), new KibanaAuth.None())), options);
    }

    @Test
    void createsAllRulesThenASecondRunWritesNothing() {
        List<Payload> rules = SyntheticRules.payloads(25);
        Deployer d = deployer(DeployOptions.defaults().withBatchSize(10));
        Plan first = d.plan(rules);
        assertEquals(25, first.counts().get(Action.CREATE));
        DeployResult r = d.apply(first, Progress.none());
        assertTrue(r.ok(), () -> r.failures().toString());
        assertEquals(3, r.writeRequests());
        assertEquals(25, kibana.rules("default").size());

        kibana.clearCalls();
        Plan second = d.plan(rules);
        assertEquals(Map.of(Action.UNCHANGED, 25), nonZero(second));
        DeployResult r2 = d.apply(second, Progress.none());
        assertEquals(0, r2.writeRequests());
        assertEquals(0, kibana.writeCalls());
    }

    private static Map<Action, Integer> nonZero(Plan p) {
        Map<Action, Integer> m = new java.util.EnumMap<>(Action.class);
        p.counts().forEach((k, v) -> {
            if (v > 0) {
                m.put(k, v);
            }
        });
        return m;
    }
}
