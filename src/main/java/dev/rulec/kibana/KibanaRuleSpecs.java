package dev.rulec.kibana;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.rulec.kibana.Spec.either;
import static dev.rulec.kibana.Spec.list;
import static dev.rulec.kibana.Spec.matching;
import static dev.rulec.kibana.Spec.min;
import static dev.rulec.kibana.Spec.nonEmpty;
import static dev.rulec.kibana.Spec.obj;
import static dev.rulec.kibana.Spec.string;
import static dev.rulec.kibana.Spec.values;

/**
 * Kibana's create-rule constraints (Detection Engine API 2023-10-31), one table per rule type. Mirrors the published
 * OpenAPI schema (a test proves they agree on the corpus and on mutated payloads) and adds what the schema only names:
 * date-math and interval formats.
 */
final class KibanaRuleSpecs {

    /** {@code now}, {@code now-6m}, {@code now-1d/d}, or an absolute ISO-8601 date. */
    static final Pattern DATE_MATH = Pattern.compile(
            "now([+-]\\d+[smhdwMy])*(/[smhdwMy])?|\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?");
    /** A rule schedule: a positive count of seconds, minutes, hours or days. */
    static final Pattern INTERVAL = Pattern.compile("[1-9]\\d*[smhd]");

    private static final Spec ATTACK_REF = obj(List.of("id", "name", "reference"),
            "id", string(), "name", string(), "reference", string());
    private static final Spec TECHNIQUE = obj(List.of("id", "name", "reference"),
            "id", string(), "name", string(), "reference", string(), "subtechnique", list(ATTACK_REF));
    private static final Spec THREAT = obj(List.of("framework", "tactic"),
            "framework", string(), "tactic", ATTACK_REF, "technique", list(TECHNIQUE));
    private static final Spec DURATION = obj(List.of("value", "unit"), "value", min(1), "unit", values("s", "m", "h"));
    private static final Spec SUPPRESSION = obj(List.of("group_by"),
            "group_by", list(string(), 1, 3), "duration", DURATION,
            "missing_fields_strategy", values("doNotSuppress", "suppress"));
    private static final Spec THRESHOLD_SUPPRESSION = obj(List.of("duration"), "duration", DURATION);
    private static final Spec KQL_LANGUAGE = values("kuery", "lucene");

    private static final Map<String, Spec> COMMON = fields(
            "rule_id", string(),
            "name", nonEmpty(),
            "description", nonEmpty(),
            "risk_score", new Spec.Int(0, 100),
            "severity", values("low", "medium", "high", "critical"),
            "actions", list(new Spec.Any()),
            "alias_purpose", values("savedObjectConversion", "savedObjectImport"),
            "alias_target_id", string(),
            "author", list(string()),
            "building_block_type", string(),
            "enabled", new Spec.Bool(),
            "exceptions_list", list(obj(List.of("id", "list_id", "type", "namespace_type"),
                    "id", nonEmpty(), "list_id", nonEmpty(), "namespace_type", values("agnostic", "single"),
                    "type", values("detection", "rule_default", "endpoint", "endpoint_trusted_apps",
                            "endpoint_trusted_devices", "endpoint_events", "endpoint_host_isolation_exceptions",
                            "endpoint_blocklists", "endpoint_custom_yara_signatures"))),
            "false_positives", list(string()),
            "from", matching("Kibana date math (now-6m)", s -> DATE_MATH.matcher(s).matches()),
            "interval", matching("an interval (5m, 1h)", s -> INTERVAL.matcher(s).matches()),
            "investigation_fields", obj(List.of("field_names"), "field_names", list(nonEmpty(), 1, Integer.MAX_VALUE)),
            "license", string(),
            "max_signals", min(1),
            "meta", new Spec.Obj(Map.of(), Set.of(), false),
            "namespace", string(),
            "note", string(),
            "outcome", values("exactMatch", "aliasMatch", "conflict"),
            "output_index", string(),
            "references", list(string()),
            "related_integrations", list(obj(List.of("package", "version"),
                    "package", nonEmpty(), "version", nonEmpty(), "integration", nonEmpty())),
            "required_fields", list(obj(List.of("name", "type"), "name", nonEmpty(), "type", nonEmpty())),
            "response_actions", list(new Spec.Any()),
            "risk_score_mapping", list(obj(List.of("field", "operator", "value"), "field", string(),
                    "operator", values("equals"), "value", string(), "risk_score", new Spec.Int(0, 100))),
            "rule_name_override", string(),
            "setup", string(),
            "severity_mapping", list(obj(List.of("field", "operator", "severity", "value"), "field", string(),
                    "operator", values("equals"), "value", string(),
                    "severity", values("low", "medium", "high", "critical"))),
            "tags", list(string()),
            "threat", list(THREAT),
            "throttle", either(values("no_actions", "rule"),
                    matching("a throttle (1h)", s -> INTERVAL.matcher(s).matches())),
            "timeline_id", string(),
            "timeline_title", string(),
            "timestamp_override", string(),
            "timestamp_override_fallback_disabled", new Spec.Bool(),
            "to", matching("Kibana date math (now)", s -> DATE_MATH.matcher(s).matches()),
            "version", min(1));

    private static final Map<String, Spec> SEARCH = fields(
            "index", list(string()),
            "data_view_id", string(),
            "filters", list(new Spec.Any()));

    static final Map<String, Spec.Obj> BY_TYPE = Map.of(
            "query", type("query", List.of(), SEARCH, fields("language", KQL_LANGUAGE, "query", string(),
                    "saved_id", string(), "alert_suppression", SUPPRESSION)),
            "eql", type("eql", List.of("language", "query"), SEARCH, fields("language", values("eql"),
                    "query", string(), "event_category_override", string(), "tiebreaker_field", string(),
                    "timestamp_field", string(), "alert_suppression", SUPPRESSION)),
            "esql", type("esql", List.of("language", "query"), Map.of(), fields("language", values("esql"),
                    "query", string(), "alert_suppression", SUPPRESSION)),
            "new_terms", type("new_terms", List.of("query", "new_terms_fields", "history_window_start"), SEARCH,
                    fields("language", KQL_LANGUAGE, "query", string(), "new_terms_fields", list(string(), 1, 3),
                            "history_window_start", nonEmpty(), "alert_suppression", SUPPRESSION)),
            "threshold", type("threshold", List.of("query", "threshold"), SEARCH, fields("language", KQL_LANGUAGE,
                    "query", string(), "saved_id", string(), "alert_suppression", THRESHOLD_SUPPRESSION,
                    "threshold", obj(List.of("field", "value"),
                            "field", either(string(), list(string(), 0, 5)), "value", min(1),
                            "cardinality", list(obj(List.of("field", "value"), "field", string(), "value", min(0)))))),
            "machine_learning", type("machine_learning", List.of("machine_learning_job_id", "anomaly_threshold"),
                    Map.of(), fields("anomaly_threshold", min(0),
                            "machine_learning_job_id", either(string(), list(string(), 1, Integer.MAX_VALUE)),
                            "alert_suppression", SUPPRESSION)),
            "threat_match", type("threat_match", List.of("query", "threat_index", "threat_mapping", "threat_query"),
                    SEARCH, fields("language", KQL_LANGUAGE, "query", string(), "saved_id", string(),
                            "threat_index", list(string()), "threat_query", string(), "threat_language", KQL_LANGUAGE,
                            "threat_mapping", list(obj(List.of("entries"), "entries", list(obj(
                                    List.of("field", "type", "value"), "field", nonEmpty(), "type", values("mapping"),
                                    "value", nonEmpty(), "negate", new Spec.Bool()))), 1, Integer.MAX_VALUE),
                            "threat_filters", list(new Spec.Any()), "threat_indicator_path", string(),
                            "concurrent_searches", min(1), "items_per_search", min(1),
                            "alert_suppression", SUPPRESSION)),
            "saved_query", type("saved_query", List.of("saved_id"), SEARCH, fields("language", KQL_LANGUAGE,
                    "query", string(), "saved_id", string(), "alert_suppression", SUPPRESSION)));

    private KibanaRuleSpecs() {
    }

    private static Spec.Obj type(String name, List<String> required, Map<String, Spec> search,
                                 Map<String, Spec> own) {
        Map<String, Spec> all = new LinkedHashMap<>(COMMON);
        all.putAll(search);
        all.putAll(own);
        all.put("type", values(name));
        List<String> req = new java.util.ArrayList<>(List.of("name", "description", "risk_score", "severity", "type"));
        req.addAll(required);
        return new Spec.Obj(all, Set.copyOf(req), true);
    }

    private static Map<String, Spec> fields(Object... keysAndSpecs) {
        Map<String, Spec> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndSpecs.length; i += 2) {
            m.put((String) keysAndSpecs[i], (Spec) keysAndSpecs[i + 1]);
        }
        return m;
    }
}
