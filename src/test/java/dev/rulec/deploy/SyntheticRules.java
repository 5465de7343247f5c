package dev.rulec.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.SourcePos;

import java.util.ArrayList;
import java.util.List;

/** Create-rule payloads of every common type, for deploy tests until the corpus compiles end to end. */
final class SyntheticRules {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticRules() {
    }

    static List<Payload> payloads(int n) {
        List<Payload> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Payload.of(rule(i), SourcePos.startOf("rules/synthetic/rule-" + i + ".toml")));
        }
        return out;
    }

    static ObjectNode rule(int i) {
        ObjectNode r = JSON.createObjectNode();
        r.put("rule_id", String.format("00000000-0000-4000-8000-%012d", i));
        r.put("name", "Synthetic rule " + i);
        r.put("description", "A synthetic rule for deploy tests, number " + i + ".");
        r.put("risk_score", 21 + i % 50);
        r.put("severity", List.of("low", "medium", "high", "critical").get(i % 4));
        r.put("enabled", false);
        r.put("interval", "5m");
        r.put("from", "now-9m");
        r.putArray("tags").add("Domain: Cloud").add("Data Source: AWS");
        r.putArray("references").add("https://example.com/ref/" + i);
        ObjectNode threat = r.putArray("threat").addObject();
        threat.put("framework", "MITRE ATT&CK");
        threat.putObject("tactic").put("id", "TA0005").put("name", "Defense Evasion")
                .put("reference", "https://attack.mitre.org/tactics/TA0005/");
        r.putArray("required_fields").addObject().put("name", "event.action").put("type", "keyword");
        switch (i % 5) {
            case 0:
            case 1:
                r.put("type", "query").put("language", "kuery")
                        .put("query", "event.dataset: aws.cloudtrail and event.action: \"Action" + i + "\"");
                r.putArray("index").add("logs-aws.cloudtrail-*");
                break;
            case 2:
                r.put("type", "esql").put("language", "esql").put("query",
                        "FROM logs-aws.cloudtrail-* | WHERE event.action == \"Action" + i + "\" | STATS c = COUNT(*) BY user.name");
                break;
            case 3:
                r.put("type", "threshold").put("language", "kuery").put("query", "event.action: \"Action" + i + "\"");
                r.putArray("index").add("logs-aws.cloudtrail-*");
                ObjectNode t = r.putObject("threshold").put("value", 10 + i % 7);
                t.putArray("field").add("user.name");
                break;
            default:
                r.put("type", "new_terms").put("language", "kuery").put("query", "event.action: \"Action" + i + "\"")
                        .put("history_window_start", "now-7d");
                r.putArray("new_terms_fields").add("user.name");
                r.putArray("index").add("logs-aws.cloudtrail-*");
                break;
        }
        return r;
    }
}
