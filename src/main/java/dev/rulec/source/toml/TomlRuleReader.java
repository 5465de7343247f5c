package dev.rulec.source.toml;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.model.About;
import dev.rulec.model.Alerting;
import dev.rulec.model.AttackRef;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Metadata;
import dev.rulec.model.Rule;
import dev.rulec.model.Schedule;
import dev.rulec.model.Severity;
import dev.rulec.model.Technique;
import dev.rulec.model.Threat;
import dev.rulec.model.Translations;
import dev.rulec.model.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.tomlj.TomlParseError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Reads an Elastic detection-rules TOML file ({@code [metadata]}, {@code [rule]}, {@code [transform]}) into the model. */
public final class TomlRuleReader {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final TomlMapper TOML = new TomlMapper();

    private TomlRuleReader() {
    }

    /** Reads a file; problems go to {@code diags}; empty when the file has errors. */
    public static Optional<LoadedRule> read(Path file, Diagnostics diags) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            diags.error("io.read", SourcePos.startOf(file.toString()), "cannot read file: " + e.getMessage(),
                    "check that the file exists, is readable and is UTF-8");
            return Optional.empty();
        }
        return parse(text, file.toString(), diags);
    }

    /** Reads TOML text; {@code fileName} is used in positions. */
    public static Optional<LoadedRule> parse(String text, String fileName, Diagnostics diags) {
        SourcePos origin = SourcePos.startOf(fileName);
        Optional<SourcePos> deep = TomlNesting.tooDeep(text, origin);
        if (deep.isPresent()) {
            diags.error("toml.too-deep", deep.get(), "arrays and inline tables nest more than " + TomlNesting.MAX_DEPTH
                    + " levels deep", "flatten the value; no rule field nests that deep");
            return Optional.empty();
        }
        TomlPositions positions = new TomlPositions(text, fileName);
        JsonNode toml;
        try {
            toml = TOML.readTree(text);
        } catch (IOException e) {
            syntaxErrors(positions, origin, e, diags);
            return Optional.empty();
        }
        if (!(toml instanceof ObjectNode top0)) {
            diags.error("toml.syntax", origin, "the file is empty", "write a [metadata] and a [rule] table");
            return Optional.empty();
        }
        Diagnostics local = new Diagnostics();
        TomlCursor top = new TomlCursor(top0, "", origin, local, positions);

        Metadata metadata = top.table("metadata").map(TomlRuleReader::metadata).orElse(Metadata.empty());
        Value.Obj transform = top.value("transform").filter(v -> v instanceof Value.Obj).map(v -> (Value.Obj) v)
                .orElse(Value.Obj.empty());
        Optional<TomlCursor> ruleTable = top.table("rule");
        top.reportUnknownKeys();
        if (ruleTable.isEmpty()) {
            local.error("toml.missing-field", origin, "the file has no [rule] table",
                    "a detection-rules file needs [metadata] and [rule] tables");
            diags.addAll(local.all());
            return Optional.empty();
        }
        Optional<Rule> rule = rule(ruleTable.get(), metadata, transform, local);
        diags.addAll(local.all());
        if (rule.isEmpty() || local.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new LoadedRule(rule.get(), LoadedRule.SourceFormat.TOML, origin, positions));
    }

    /** tomlj words syntax errors better and finds all of them; the fast parser's message is the fallback. */
    private static void syntaxErrors(TomlPositions positions, SourcePos origin, IOException fast, Diagnostics diags) {
        List<TomlParseError> errors = positions.errors();
        if (errors.isEmpty()) {
            String msg = fast.getMessage() == null ? fast.toString() : fast.getMessage().lines().findFirst().orElse("");
            SourcePos at = origin;
            if (fast instanceof com.fasterxml.jackson.core.JacksonException je && je.getLocation() != null
                    && je.getLocation().getLineNr() > 0) {
                at = origin.at(je.getLocation().getLineNr(), je.getLocation().getColumnNr());
            }
            diags.error("toml.syntax", at, "invalid TOML: " + msg, "fix the TOML syntax at this place");
            return;
        }
        for (TomlParseError e : errors) {
            diags.error("toml.syntax", origin.at(e.position().line(), e.position().column()),
                    "invalid TOML: " + e.getMessage(), "fix the TOML syntax at this place");
        }
    }

    private static Metadata metadata(TomlCursor m) {
        Metadata md = new Metadata(m.string("creation_date"), m.string("updated_date"), m.string("maturity"),
                m.strings("integration", true), m.string("min_stack_version"), m.string("min_stack_comments"),
                m.string("deprecation_date"), m.rest());
        return md;
    }

    private static Optional<Rule> rule(TomlCursor r, Metadata metadata, Value.Obj transform, Diagnostics diags) {
        String ruleId = r.requiredString("rule_id");
        // detection-rules checks that the id starts with a UUID; two of its own rules carry an extra digit,
        // which Kibana accepts, so that is a warning and anything else an error.
        if (r.has("rule_id") && !ruleId.isEmpty() && !UUID.matcher(ruleId).lookingAt()) {
            diags.error("toml.invalid-rule-id", r.pos("rule_id"), "rule_id [" + ruleId + "] is not a UUID",
                    "use a random UUID such as one printed by `uuidgen`");
        } else if (r.has("rule_id") && !UUID.matcher(ruleId).matches()) {
            diags.warning("toml.rule-id-not-uuid", r.pos("rule_id"), "rule_id [" + ruleId
                    + "] has characters after its UUID", "keep the id stable once deployed; new rules should use "
                    + "a plain UUID");
        }
        String name = r.requiredString("name");
        String description = r.requiredString("description");
        Severity severity = severity(r, "severity", diags).orElse(Severity.LOW);
        if (!r.has("risk_score")) {
            diags.error("toml.missing-field", r.tablePos(), "[rule.risk_score] is required",
                    "add risk_score = <0–100> to [rule]");
        }
        long riskScore = r.integer("risk_score").orElse(0);
        if (riskScore < 0 || riskScore > 100) {
            diags.error("toml.out-of-range", r.pos("risk_score"), "risk_score " + riskScore + " is outside 0–100",
                    "use a score from 0 to 100");
        }
        Optional<Detection> detection = DetectionReader.read(r, diags);
        About about = about(r, diags);
        Schedule schedule = new Schedule(r.string("interval"), r.string("from"), r.string("to"),
                r.integer("max_signals"));
        if (schedule.maxSignals().isPresent() && schedule.maxSignals().getAsLong() < 1) {
            diags.error("toml.out-of-range", r.pos("max_signals"), "max_signals must be at least 1",
                    "remove it for Kibana's default of 100, or use a positive number");
        }
        Alerting alerting = alerting(r, diags);
        Translations translations = r.table("translations").map(TomlRuleReader::translations)
                .orElse(Translations.none());
        r.reportUnknownKeys();
        if (detection.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rule(ruleId, name, description, severity, riskScore, detection.get(), about,
                schedule, alerting, metadata, transform).withTranslations(translations));
    }

    /** {@code [rule.translations."zh-CN"]} tables: the rule's prose in other languages (see docs/translations.md). */
    private static Translations translations(TomlCursor t) {
        java.util.Map<String, Translations.Text> byLanguage = new java.util.LinkedHashMap<>();
        for (String lang : t.keys()) {
            t.table(lang).ifPresent(c -> {
                byLanguage.put(lang, new Translations.Text(c.string("name"), c.string("description"),
                        c.string("note"), c.string("setup"), c.strings("false_positives", false)));
                c.reportUnknownKeys();
            });
        }
        return new Translations(byLanguage);
    }

    static Optional<Severity> severity(TomlCursor c, String key, Diagnostics diags) {
        if (!c.has(key)) {
            diags.error("toml.missing-field", c.tablePos(), "[" + c.keyPath(key) + "] is required",
                    "add " + key + " = \"low\", \"medium\", \"high\" or \"critical\"");
            return Optional.empty();
        }
        Optional<String> s = c.string(key);
        Optional<Severity> sev = s.flatMap(Severity::fromWire);
        if (s.isPresent() && sev.isEmpty()) {
            diags.error("toml.unknown-severity", c.pos(key), "unknown severity [" + s.get() + "]",
                    "use low, medium, high or critical");
        }
        return sev;
    }

    private static About about(TomlCursor r, Diagnostics diags) {
        List<Threat> threat = r.each(r.tables("threat"), t -> threat(t, diags));
        List<String> investigationFields = r.table("investigation_fields").map(t -> {
            List<String> names = t.strings("field_names", false);
            t.reportUnknownKeys();
            return names;
        }).orElse(List.of());
        List<About.RelatedIntegration> related = r.each(r.tables("related_integrations"),
                t -> Optional.of(new About.RelatedIntegration(t.requiredString("package"),
                        t.requiredString("version"), t.string("integration"))));
        List<About.RequiredField> required = r.each(r.tables("required_fields"),
                t -> Optional.of(new About.RequiredField(t.requiredString("name"), t.requiredString("type"),
                        t.bool("ecs"))));
        Value.Obj meta = r.value("meta").filter(v -> v instanceof Value.Obj).map(v -> (Value.Obj) v)
                .orElse(Value.Obj.empty());
        return new About(r.strings("author", false), r.string("license"), r.strings("references", false),
                r.strings("false_positives", false), r.strings("tags", false), r.string("note"), r.string("setup"),
                threat, r.integer("version"), investigationFields, related, required, r.string("timeline_id"),
                r.string("timeline_title"), meta);
    }

    private static Optional<Threat> threat(TomlCursor t, Diagnostics diags) {
        String framework = t.requiredString("framework");
        Optional<AttackRef> tactic = t.table("tactic").map(TomlRuleReader::attackRef);
        if (tactic.isEmpty()) {
            diags.error("toml.missing-field", t.tablePos(), "[" + t.path() + ".tactic] is required",
                    "add a [" + "rule.threat.tactic] table with id, name and reference");
            return Optional.empty();
        }
        List<Technique> techniques = t.each(t.tables("technique"), tc -> {
            AttackRef ref = attackRef(tc);
            List<AttackRef> subs = tc.each(tc.tables("subtechnique"), s -> Optional.of(attackRef(s)));
            return Optional.of(new Technique(ref, subs));
        });
        return Optional.of(new Threat(framework, tactic.get(), techniques));
    }

    /** Reads id/name/reference; the caller reports unknown keys of array items, tables report here. */
    private static AttackRef attackRef(TomlCursor c) {
        AttackRef ref = new AttackRef(c.requiredString("id"), c.requiredString("name"), c.requiredString("reference"));
        if (!c.path().endsWith("]")) {
            c.reportUnknownKeys();
        }
        return ref;
    }

    private static Alerting alerting(TomlCursor r, Diagnostics diags) {
        List<Alerting.SeverityMapping> sevMap = r.each(r.tables("severity_mapping"), t ->
                severity(t, "severity", diags).map(s -> new Alerting.SeverityMapping(t.requiredString("field"),
                        t.requiredString("operator"), t.requiredString("value"), s)));
        List<Alerting.RiskScoreMapping> riskMap = r.each(r.tables("risk_score_mapping"), t -> {
            OptionalLong score = t.integer("risk_score");
            return Optional.of(new Alerting.RiskScoreMapping(t.requiredString("field"), t.requiredString("operator"),
                    t.requiredString("value"),
                    score.isPresent() ? Optional.of(score.getAsLong()) : Optional.empty()));
        });
        List<Alerting.ExceptionListRef> exceptions = r.each(r.tables("exceptions_list"), t ->
                Optional.of(new Alerting.ExceptionListRef(t.requiredString("id"), t.requiredString("list_id"),
                        t.requiredString("type"), t.requiredString("namespace_type"))));
        Optional<Alerting.AlertSuppression> suppression = r.table("alert_suppression").map(t -> {
            Optional<Alerting.Duration> duration = t.table("duration").map(d -> {
                Alerting.Duration du = new Alerting.Duration(d.integer("value").orElse(0), d.requiredString("unit"));
                d.reportUnknownKeys();
                return du;
            });
            Alerting.AlertSuppression s = new Alerting.AlertSuppression(t.strings("group_by", false), duration,
                    t.string("missing_fields_strategy"));
            t.reportUnknownKeys();
            return s;
        });
        return new Alerting(sevMap, riskMap, r.string("rule_name_override"), r.string("timestamp_override"),
                r.bool("timestamp_override_fallback_disabled"), r.string("building_block_type"), exceptions,
                suppression, r.bool("enabled"), r.string("namespace"), r.string("throttle"),
                arr(r.value("actions")), arr(r.value("response_actions")));
    }

    static Value.Arr arr(Optional<Value> v) {
        return v.filter(x -> x instanceof Value.Arr).map(x -> (Value.Arr) x).orElse(new Value.Arr(List.of()));
    }
}
