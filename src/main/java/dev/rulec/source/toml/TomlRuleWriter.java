package dev.rulec.source.toml;

import dev.rulec.model.About;
import dev.rulec.model.Alerting;
import dev.rulec.model.AttackRef;
import dev.rulec.model.Detection;
import dev.rulec.model.Metadata;
import dev.rulec.model.Rule;
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
 * Writes a rule as a detection-rules TOML file, in that repository's layout: {@code [metadata]}, {@code [rule]}
 * with sorted keys and the query last, then the sub-tables. Reading the output gives an equal rule.
 */
public final class TomlRuleWriter {

    private TomlRuleWriter() {
    }

    public static String write(Rule rule) {
        StringBuilder out = new StringBuilder();
        metadata(rule.metadata(), out);
        if (!rule.transform().isEmpty()) {
            out.append('\n');
            subTables("transform", rule.transform(), out);
        }
        out.append("\n[rule]\n");
        Map<String, String> kv = new TreeMap<>();
        Tables tables = new Tables();
        kv.put("rule_id", TomlText.basic(rule.ruleId()));
        kv.put("name", TomlText.basic(rule.name()));
        kv.put("description", TomlText.string(rule.description()));
        kv.put("severity", TomlText.basic(rule.severity().wireName()));
        kv.put("risk_score", Long.toString(rule.riskScore()));
        kv.put("type", TomlText.basic(rule.detection().typeName()));
        Optional<String> query = detection(rule.detection(), kv, tables);
        about(rule.about(), kv, tables);
        rule.schedule().interval().ifPresent(s -> kv.put("interval", TomlText.basic(s)));
        rule.schedule().from().ifPresent(s -> kv.put("from", TomlText.basic(s)));
        rule.schedule().to().ifPresent(s -> kv.put("to", TomlText.basic(s)));
        rule.schedule().maxSignals().ifPresent(n -> kv.put("max_signals", Long.toString(n)));
        alerting(rule.alerting(), kv, tables);
        kv.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
        query.ifPresent(q -> out.append("query = ").append(TomlText.query(q)).append('\n'));
        out.append(tables.text);
        rule.translations().byLanguage().forEach((lang, text) -> {
            out.append("\n[rule.translations.").append(TomlText.key(lang)).append("]\n");
            text.name().ifPresent(v -> out.append("name = ").append(TomlText.basic(v)).append('\n'));
            text.description().ifPresent(v -> out.append("description = ").append(TomlText.string(v)).append('\n'));
            if (!text.falsePositives().isEmpty()) {
                out.append("false_positives = ").append(TomlText.strings(text.falsePositives())).append('\n');
            }
            text.note().ifPresent(v -> out.append("note = ").append(TomlText.string(v)).append('\n'));
            text.setup().ifPresent(v -> out.append("setup = ").append(TomlText.string(v)).append('\n'));
        });
        return out.toString();
    }

    /** Sub-tables written after the rule's own keys. */
    private static final class Tables {
        final StringBuilder text = new StringBuilder();

        void header(String h) {
            text.append('\n').append(h).append('\n');
        }

        void kv(String k, String v) {
            text.append(k).append(" = ").append(v).append('\n');
        }
    }

    private static void metadata(Metadata m, StringBuilder out) {
        Map<String, String> kv = new TreeMap<>();
        m.creationDate().ifPresent(s -> kv.put("creation_date", TomlText.basic(s)));
        m.updatedDate().ifPresent(s -> kv.put("updated_date", TomlText.basic(s)));
        m.maturity().ifPresent(s -> kv.put("maturity", TomlText.basic(s)));
        if (!m.integration().isEmpty()) {
            kv.put("integration", TomlText.strings(m.integration()));
        }
        m.minStackVersion().ifPresent(s -> kv.put("min_stack_version", TomlText.basic(s)));
        m.minStackComments().ifPresent(s -> kv.put("min_stack_comments", TomlText.string(s)));
        m.deprecationDate().ifPresent(s -> kv.put("deprecation_date", TomlText.basic(s)));
        m.other().fields().forEach((k, v) -> kv.put(TomlText.key(k), TomlText.value(v)));
        out.append("[metadata]\n");
        kv.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
    }

    /** A table of open shape whose values are arrays of tables, e.g. {@code [[transform.osquery]]}. */
    private static void subTables(String name, Value.Obj obj, StringBuilder out) {
        out.append('[').append(name).append("]\n");
        for (Map.Entry<String, Value> e : obj.fields().entrySet()) {
            String path = name + "." + TomlText.key(e.getKey());
            if (e.getValue() instanceof Value.Arr arr && !arr.items().isEmpty()
                    && arr.items().stream().allMatch(i -> i instanceof Value.Obj)) {
                for (Value item : arr.items()) {
                    out.append("[[").append(path).append("]]\n");
                    ((Value.Obj) item).fields().forEach((k, v) ->
                            out.append(TomlText.key(k)).append(" = ").append(value(v)).append('\n'));
                    out.append('\n');
                }
            } else {
                out.append(TomlText.key(e.getKey())).append(" = ").append(TomlText.value(e.getValue())).append('\n');
            }
        }
    }

    private static String value(Value v) {
        return v instanceof Value.Str s ? TomlText.string(s.value()) : TomlText.value(v);
    }

    private static Optional<String> detection(Detection d, Map<String, String> kv, Tables t) {
        if (d instanceof Detection.Query q) {
            kv.put("language", TomlText.basic(q.language().wireName()));
            scope(q.scope(), kv);
            q.savedId().ifPresent(s -> kv.put("saved_id", TomlText.basic(s)));
            return Optional.of(q.query());
        }
        if (d instanceof Detection.Eql e) {
            kv.put("language", TomlText.basic("eql"));
            scope(e.scope(), kv);
            e.eventCategoryOverride().ifPresent(s -> kv.put("event_category_override", TomlText.basic(s)));
            e.tiebreakerField().ifPresent(s -> kv.put("tiebreaker_field", TomlText.basic(s)));
            e.timestampField().ifPresent(s -> kv.put("timestamp_field", TomlText.basic(s)));
            return Optional.of(e.query());
        }
        if (d instanceof Detection.Esql e) {
            kv.put("language", TomlText.basic("esql"));
            return Optional.of(e.query());
        }
        if (d instanceof Detection.NewTerms n) {
            kv.put("language", TomlText.basic(n.language().wireName()));
            scope(n.scope(), kv);
            t.header("[rule.new_terms]");
            t.kv("field", TomlText.basic("new_terms_fields"));
            t.kv("value", TomlText.strings(n.fields()));
            t.header("[[rule.new_terms.history_window_start]]");
            t.kv("field", TomlText.basic("history_window_start"));
            t.kv("value", TomlText.basic(n.historyWindowStart()));
            return Optional.of(n.query());
        }
        if (d instanceof Detection.Threshold th) {
            kv.put("language", TomlText.basic(th.language().wireName()));
            scope(th.scope(), kv);
            th.savedId().ifPresent(s -> kv.put("saved_id", TomlText.basic(s)));
            ThresholdSpec spec = th.threshold();
            t.header("[rule.threshold]");
            t.kv("field", TomlText.strings(spec.fields()));
            t.kv("value", Long.toString(spec.value()));
            for (ThresholdSpec.Cardinality c : spec.cardinality()) {
                t.header("[[rule.threshold.cardinality]]");
                t.kv("field", TomlText.basic(c.field()));
                t.kv("value", Long.toString(c.value()));
            }
            return Optional.of(th.query());
        }
        if (d instanceof Detection.MachineLearning m) {
            kv.put("machine_learning_job_id", m.jobIdsAsList() || m.jobIds().size() != 1
                    ? TomlText.strings(m.jobIds()) : TomlText.basic(m.jobIds().get(0)));
            kv.put("anomaly_threshold", Long.toString(m.anomalyThreshold()));
            return Optional.empty();
        }
        if (d instanceof Detection.ThreatMatch tm) {
            kv.put("language", TomlText.basic(tm.language().wireName()));
            scope(tm.scope(), kv);
            kv.put("threat_index", TomlText.strings(tm.threatIndex()));
            kv.put("threat_query", TomlText.query(tm.threatQuery()));
            tm.threatLanguage().ifPresent(l -> kv.put("threat_language", TomlText.basic(l.wireName())));
            if (!tm.threatFilters().items().isEmpty()) {
                kv.put("threat_filters", TomlText.value(tm.threatFilters()));
            }
            tm.threatIndicatorPath().ifPresent(s -> kv.put("threat_indicator_path", TomlText.basic(s)));
            tm.concurrentSearches().ifPresent(n -> kv.put("concurrent_searches", Long.toString(n)));
            tm.itemsPerSearch().ifPresent(n -> kv.put("items_per_search", Long.toString(n)));
            for (List<ThreatMappingEntry> group : tm.threatMapping()) {
                t.header("[[rule.threat_mapping]]");
                for (ThreatMappingEntry e : group) {
                    t.header("[[rule.threat_mapping.entries]]");
                    t.kv("field", TomlText.basic(e.field()));
                    t.kv("type", TomlText.basic(e.type()));
                    t.kv("value", TomlText.basic(e.value()));
                }
            }
            return Optional.of(tm.query());
        }
        Detection.SavedQuery s = (Detection.SavedQuery) d;
        kv.put("language", TomlText.basic(s.language().wireName()));
        kv.put("saved_id", TomlText.basic(s.savedId()));
        scope(s.scope(), kv);
        return s.query();
    }

    private static void scope(Scope s, Map<String, String> kv) {
        if (!s.index().isEmpty()) {
            kv.put("index", TomlText.strings(s.index()));
        }
        s.dataViewId().ifPresent(v -> kv.put("data_view_id", TomlText.basic(v)));
        if (!s.filters().items().isEmpty()) {
            kv.put("filters", TomlText.value(s.filters()));
        }
    }

    private static void about(About a, Map<String, String> kv, Tables t) {
        if (!a.author().isEmpty()) {
            kv.put("author", TomlText.strings(a.author()));
        }
        a.license().ifPresent(s -> kv.put("license", TomlText.basic(s)));
        if (!a.references().isEmpty()) {
            kv.put("references", TomlText.strings(a.references()));
        }
        if (!a.falsePositives().isEmpty()) {
            kv.put("false_positives", TomlText.strings(a.falsePositives()));
        }
        if (!a.tags().isEmpty()) {
            kv.put("tags", TomlText.strings(a.tags()));
        }
        a.note().ifPresent(s -> kv.put("note", TomlText.string(s)));
        a.setup().ifPresent(s -> kv.put("setup", TomlText.string(s)));
        a.version().ifPresent(v -> kv.put("version", Long.toString(v)));
        a.timelineId().ifPresent(s -> kv.put("timeline_id", TomlText.basic(s)));
        a.timelineTitle().ifPresent(s -> kv.put("timeline_title", TomlText.basic(s)));
        if (!a.meta().isEmpty()) {
            kv.put("meta", TomlText.value(a.meta()));
        }
        if (!a.investigationFields().isEmpty()) {
            t.header("[rule.investigation_fields]");
            t.kv("field_names", TomlText.strings(a.investigationFields()));
        }
        for (About.RelatedIntegration ri : a.relatedIntegrations()) {
            t.header("[[rule.related_integrations]]");
            t.kv("package", TomlText.basic(ri.packageName()));
            t.kv("version", TomlText.basic(ri.version()));
            ri.integration().ifPresent(i -> t.kv("integration", TomlText.basic(i)));
        }
        for (About.RequiredField rf : a.requiredFields()) {
            t.header("[[rule.required_fields]]");
            t.kv("name", TomlText.basic(rf.name()));
            t.kv("type", TomlText.basic(rf.type()));
            rf.ecs().ifPresent(e -> t.kv("ecs", Boolean.toString(e)));
        }
        for (Threat th : a.threat()) {
            t.header("[[rule.threat]]");
            t.kv("framework", TomlText.basic(th.framework()));
            for (Technique tech : th.techniques()) {
                t.header("[[rule.threat.technique]]");
                attack(tech.ref(), t);
                for (AttackRef sub : tech.subtechniques()) {
                    t.header("[[rule.threat.technique.subtechnique]]");
                    attack(sub, t);
                }
            }
            t.header("[rule.threat.tactic]");
            attack(th.tactic(), t);
        }
    }

    private static void attack(AttackRef r, Tables t) {
        t.kv("id", TomlText.basic(r.id()));
        t.kv("name", TomlText.basic(r.name()));
        t.kv("reference", TomlText.basic(r.reference()));
    }

    private static void alerting(Alerting a, Map<String, String> kv, Tables t) {
        a.ruleNameOverride().ifPresent(s -> kv.put("rule_name_override", TomlText.basic(s)));
        a.timestampOverride().ifPresent(s -> kv.put("timestamp_override", TomlText.basic(s)));
        a.timestampOverrideFallbackDisabled().ifPresent(b ->
                kv.put("timestamp_override_fallback_disabled", Boolean.toString(b)));
        a.buildingBlockType().ifPresent(s -> kv.put("building_block_type", TomlText.basic(s)));
        a.enabled().ifPresent(b -> kv.put("enabled", Boolean.toString(b)));
        a.namespace().ifPresent(s -> kv.put("namespace", TomlText.basic(s)));
        a.throttle().ifPresent(s -> kv.put("throttle", TomlText.basic(s)));
        if (!a.actions().items().isEmpty()) {
            kv.put("actions", TomlText.value(a.actions()));
        }
        if (!a.responseActions().items().isEmpty()) {
            kv.put("response_actions", TomlText.value(a.responseActions()));
        }
        for (Alerting.SeverityMapping m : a.severityMapping()) {
            t.header("[[rule.severity_mapping]]");
            t.kv("field", TomlText.basic(m.field()));
            t.kv("operator", TomlText.basic(m.operator()));
            t.kv("severity", TomlText.basic(m.severity().wireName()));
            t.kv("value", TomlText.basic(m.value()));
        }
        for (Alerting.RiskScoreMapping m : a.riskScoreMapping()) {
            t.header("[[rule.risk_score_mapping]]");
            t.kv("field", TomlText.basic(m.field()));
            t.kv("operator", TomlText.basic(m.operator()));
            m.riskScore().ifPresent(r -> t.kv("risk_score", Long.toString(r)));
            t.kv("value", TomlText.basic(m.value()));
        }
        for (Alerting.ExceptionListRef e : a.exceptionsList()) {
            t.header("[[rule.exceptions_list]]");
            t.kv("id", TomlText.basic(e.id()));
            t.kv("list_id", TomlText.basic(e.listId()));
            t.kv("namespace_type", TomlText.basic(e.namespaceType()));
            t.kv("type", TomlText.basic(e.type()));
        }
        a.alertSuppression().ifPresent(s -> {
            t.header("[rule.alert_suppression]");
            if (!s.groupBy().isEmpty()) {
                t.kv("group_by", TomlText.strings(s.groupBy()));
            }
            s.missingFieldsStrategy().ifPresent(m -> t.kv("missing_fields_strategy", TomlText.basic(m)));
            s.duration().ifPresent(d -> {
                t.header("[rule.alert_suppression.duration]");
                t.kv("unit", TomlText.basic(d.unit()));
                t.kv("value", Long.toString(d.value()));
            });
        });
    }
}
