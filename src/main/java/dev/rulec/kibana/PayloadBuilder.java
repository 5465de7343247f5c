package dev.rulec.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.model.About;
import dev.rulec.model.Alerting;
import dev.rulec.model.AttackRef;
import dev.rulec.model.Detection;
import dev.rulec.model.Rule;
import dev.rulec.model.Schedule;
import dev.rulec.model.Scope;
import dev.rulec.model.Technique;
import dev.rulec.model.Threat;
import dev.rulec.model.ThreatMappingEntry;
import dev.rulec.model.ThresholdSpec;
import dev.rulec.model.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the create-rule body of Kibana's Detection Engine API (version 2023-10-31) from a rule.
 * Only what the rule states is written (Kibana supplies its defaults); top-level keys are sorted,
 * so the same rule always gives the same bytes.
 */
public final class PayloadBuilder {

    public static final String API_VERSION = "2023-10-31";

    private PayloadBuilder() {
    }

    public static ObjectNode build(Rule rule) {
        Map<String, JsonNode> f = new TreeMap<>();
        f.put("rule_id", text(rule.ruleId()));
        f.put("name", text(rule.name()));
        f.put("description", text(rule.description()));
        f.put("severity", text(rule.severity().wireName()));
        f.put("risk_score", Json.NODES.numberNode(rule.riskScore()));
        f.put("type", text(rule.detection().typeName()));
        detection(rule.detection(), f);
        about(rule.about(), rule.transform(), f);
        schedule(rule.schedule(), f);
        alerting(rule.alerting(), f);
        ObjectNode out = Json.NODES.objectNode();
        f.forEach(out::set);
        return out;
    }

    private static void detection(Detection d, Map<String, JsonNode> f) {
        if (d instanceof Detection.Query q) {
            query(q.language().wireName(), q.query(), f);
            scope(q.scope(), f);
            q.savedId().ifPresent(s -> f.put("saved_id", text(s)));
        } else if (d instanceof Detection.Eql e) {
            query("eql", e.query(), f);
            scope(e.scope(), f);
            e.eventCategoryOverride().ifPresent(s -> f.put("event_category_override", text(s)));
            e.tiebreakerField().ifPresent(s -> f.put("tiebreaker_field", text(s)));
            e.timestampField().ifPresent(s -> f.put("timestamp_field", text(s)));
        } else if (d instanceof Detection.Esql e) {
            query("esql", e.query(), f);
        } else if (d instanceof Detection.NewTerms n) {
            query(n.language().wireName(), n.query(), f);
            scope(n.scope(), f);
            f.put("new_terms_fields", strings(n.fields()));
            f.put("history_window_start", text(n.historyWindowStart()));
        } else if (d instanceof Detection.Threshold t) {
            query(t.language().wireName(), t.query(), f);
            scope(t.scope(), f);
            t.savedId().ifPresent(s -> f.put("saved_id", text(s)));
            f.put("threshold", threshold(t.threshold()));
        } else if (d instanceof Detection.MachineLearning m) {
            f.put("machine_learning_job_id", m.jobIdsAsList() || m.jobIds().size() != 1
                    ? strings(m.jobIds()) : text(m.jobIds().get(0)));
            f.put("anomaly_threshold", Json.NODES.numberNode(m.anomalyThreshold()));
        } else if (d instanceof Detection.ThreatMatch t) {
            query(t.language().wireName(), t.query(), f);
            scope(t.scope(), f);
            f.put("threat_index", strings(t.threatIndex()));
            f.put("threat_query", text(t.threatQuery()));
            t.threatLanguage().ifPresent(l -> f.put("threat_language", text(l.wireName())));
            f.put("threat_mapping", threatMapping(t.threatMapping()));
            if (!t.threatFilters().items().isEmpty()) {
                f.put("threat_filters", Json.of(t.threatFilters()));
            }
            t.threatIndicatorPath().ifPresent(s -> f.put("threat_indicator_path", text(s)));
            t.concurrentSearches().ifPresent(n -> f.put("concurrent_searches", Json.NODES.numberNode(n)));
            t.itemsPerSearch().ifPresent(n -> f.put("items_per_search", Json.NODES.numberNode(n)));
        } else if (d instanceof Detection.SavedQuery s) {
            f.put("saved_id", text(s.savedId()));
            f.put("language", text(s.language().wireName()));
            s.query().ifPresent(q -> f.put("query", text(q)));
            scope(s.scope(), f);
        } else {
            throw new IllegalStateException("unhandled detection " + d.getClass());
        }
    }

    private static void query(String language, String query, Map<String, JsonNode> f) {
        f.put("language", text(language));
        f.put("query", text(query));
    }

    private static void scope(Scope s, Map<String, JsonNode> f) {
        if (!s.index().isEmpty()) {
            f.put("index", strings(s.index()));
        }
        s.dataViewId().ifPresent(v -> f.put("data_view_id", text(v)));
        if (!s.filters().items().isEmpty()) {
            f.put("filters", Json.of(s.filters()));
        }
    }

    private static JsonNode threshold(ThresholdSpec t) {
        ObjectNode o = Json.NODES.objectNode();
        o.set("field", strings(t.fields()));
        o.put("value", t.value());
        if (!t.cardinality().isEmpty()) {
            ArrayNode arr = o.putArray("cardinality");
            for (ThresholdSpec.Cardinality c : t.cardinality()) {
                arr.addObject().put("field", c.field()).put("value", c.value());
            }
        }
        return o;
    }

    private static JsonNode threatMapping(List<List<ThreatMappingEntry>> groups) {
        ArrayNode arr = Json.NODES.arrayNode();
        for (List<ThreatMappingEntry> g : groups) {
            ArrayNode entries = arr.addObject().putArray("entries");
            for (ThreatMappingEntry e : g) {
                entries.addObject().put("field", e.field()).put("type", e.type()).put("value", e.value());
            }
        }
        return arr;
    }

    private static void about(About a, Value.Obj transform, Map<String, JsonNode> f) {
        if (!a.author().isEmpty()) {
            f.put("author", strings(a.author()));
        }
        a.license().ifPresent(s -> f.put("license", text(s)));
        if (!a.references().isEmpty()) {
            f.put("references", strings(a.references()));
        }
        if (!a.falsePositives().isEmpty()) {
            f.put("false_positives", strings(a.falsePositives()));
        }
        if (!a.tags().isEmpty()) {
            f.put("tags", strings(a.tags()));
        }
        a.note().map(n -> Transforms.expand(n, transform)).ifPresent(s -> f.put("note", text(s)));
        a.setup().ifPresent(s -> f.put("setup", text(s)));
        if (!a.threat().isEmpty()) {
            ArrayNode arr = Json.NODES.arrayNode();
            a.threat().forEach(t -> arr.add(threat(t)));
            f.put("threat", arr);
        }
        a.version().ifPresent(v -> f.put("version", Json.NODES.numberNode(v)));
        if (!a.investigationFields().isEmpty()) {
            ObjectNode o = Json.NODES.objectNode();
            o.set("field_names", strings(a.investigationFields()));
            f.put("investigation_fields", o);
        }
        if (!a.relatedIntegrations().isEmpty()) {
            ArrayNode arr = Json.NODES.arrayNode();
            for (About.RelatedIntegration ri : a.relatedIntegrations()) {
                ObjectNode o = arr.addObject().put("package", ri.packageName()).put("version", ri.version());
                ri.integration().ifPresent(i -> o.put("integration", i));
            }
            f.put("related_integrations", arr);
        }
        if (!a.requiredFields().isEmpty()) {
            ArrayNode arr = Json.NODES.arrayNode();
            for (About.RequiredField rf : a.requiredFields()) {
                arr.addObject().put("name", rf.name()).put("type", rf.type());
            }
            f.put("required_fields", arr);
        }
        a.timelineId().ifPresent(s -> f.put("timeline_id", text(s)));
        a.timelineTitle().ifPresent(s -> f.put("timeline_title", text(s)));
        if (!a.meta().isEmpty()) {
            f.put("meta", Json.of(a.meta()));
        }
    }

    private static JsonNode threat(Threat t) {
        ObjectNode o = Json.NODES.objectNode();
        o.put("framework", t.framework());
        o.set("tactic", attack(t.tactic()));
        if (!t.techniques().isEmpty()) {
            ArrayNode techs = o.putArray("technique");
            for (Technique tech : t.techniques()) {
                ObjectNode tn = attack(tech.ref());
                if (!tech.subtechniques().isEmpty()) {
                    ArrayNode subs = tn.putArray("subtechnique");
                    tech.subtechniques().forEach(s -> subs.add(attack(s)));
                }
                techs.add(tn);
            }
        }
        return o;
    }

    private static ObjectNode attack(AttackRef r) {
        return Json.NODES.objectNode().put("id", r.id()).put("name", r.name()).put("reference", r.reference());
    }

    private static void schedule(Schedule s, Map<String, JsonNode> f) {
        s.interval().ifPresent(v -> f.put("interval", text(v)));
        s.from().ifPresent(v -> f.put("from", text(v)));
        s.to().ifPresent(v -> f.put("to", text(v)));
        s.maxSignals().ifPresent(v -> f.put("max_signals", Json.NODES.numberNode(v)));
    }

    private static void alerting(Alerting a, Map<String, JsonNode> f) {
        if (!a.severityMapping().isEmpty()) {
            ArrayNode arr = Json.NODES.arrayNode();
            for (Alerting.SeverityMapping m : a.severityMapping()) {
                arr.addObject().put("field", m.field()).put("operator", m.operator()).put("value", m.value())
                        .put("severity", m.severity().wireName());
            }
            f.put("severity_mapping", arr);
        }
        if (!a.riskScoreMapping().isEmpty()) {
            ArrayNode arr = Json.NODES.arrayNode();
            for (Alerting.RiskScoreMapping m : a.riskScoreMapping()) {
                ObjectNode o = arr.addObject().put("field", m.field()).put("operator", m.operator())
                        .put("value", m.value());
                m.riskScore().ifPresent(r -> o.put("risk_score", r));
            }
            f.put("risk_score_mapping", arr);
        }
        a.ruleNameOverride().ifPresent(s -> f.put("rule_name_override", text(s)));
        a.timestampOverride().ifPresent(s -> f.put("timestamp_override", text(s)));
        a.timestampOverrideFallbackDisabled().ifPresent(b ->
                f.put("timestamp_override_fallback_disabled", Json.NODES.booleanNode(b)));
        a.buildingBlockType().ifPresent(s -> f.put("building_block_type", text(s)));
        if (!a.exceptionsList().isEmpty()) {
            ArrayNode arr = Json.NODES.arrayNode();
            for (Alerting.ExceptionListRef e : a.exceptionsList()) {
                arr.addObject().put("id", e.id()).put("list_id", e.listId()).put("type", e.type())
                        .put("namespace_type", e.namespaceType());
            }
            f.put("exceptions_list", arr);
        }
        a.alertSuppression().ifPresent(s -> f.put("alert_suppression", suppression(s)));
        a.enabled().ifPresent(b -> f.put("enabled", Json.NODES.booleanNode(b)));
        a.namespace().ifPresent(s -> f.put("namespace", text(s)));
        a.throttle().ifPresent(s -> f.put("throttle", text(s)));
        if (!a.actions().items().isEmpty()) {
            f.put("actions", Json.of(a.actions()));
        }
        if (!a.responseActions().items().isEmpty()) {
            f.put("response_actions", Json.of(a.responseActions()));
        }
    }

    private static JsonNode suppression(Alerting.AlertSuppression s) {
        ObjectNode o = Json.NODES.objectNode();
        if (!s.groupBy().isEmpty()) {
            o.set("group_by", strings(s.groupBy()));
        }
        s.duration().ifPresent(d -> o.putObject("duration").put("value", d.value()).put("unit", d.unit()));
        s.missingFieldsStrategy().ifPresent(m -> o.put("missing_fields_strategy", m));
        return o;
    }

    private static JsonNode text(String s) {
        return Json.NODES.textNode(s);
    }

    private static ArrayNode strings(List<String> l) {
        ArrayNode arr = Json.NODES.arrayNode();
        l.forEach(arr::add);
        return arr;
    }

    static Optional<String> textOf(JsonNode n) {
        return n != null && n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }
}
