package dev.rulec.source.toml;

import dev.rulec.diag.Diagnostics;
import dev.rulec.model.Detection;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.Scope;
import dev.rulec.model.ThreatMappingEntry;
import dev.rulec.model.ThresholdSpec;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the type-specific part of a detection-rules {@code [rule]} table into a {@link Detection}. */
final class DetectionReader {

    static final List<String> TYPES = List.of("query", "eql", "esql", "new_terms", "threshold", "machine_learning",
            "threat_match", "saved_query");

    private static final List<String> TYPE_KEYS = List.of("query", "language", "index", "data_view_id", "filters",
            "saved_id", "event_category_override", "tiebreaker_field", "timestamp_field", "new_terms", "threshold",
            "machine_learning_job_id", "anomaly_threshold", "threat_index", "threat_query", "threat_language",
            "threat_mapping", "threat_filters", "threat_indicator_path", "concurrent_searches", "items_per_search");

    private DetectionReader() {
    }

    static Optional<Detection> read(TomlCursor r, Diagnostics diags) {
        if (!r.has("type")) {
            r.requiredString("type");
            return Optional.empty();
        }
        String type = r.string("type").orElse("");
        switch (type) {
            case "query":
                return language(r, diags, QueryLanguage.KUERY, QueryLanguage.LUCENE).map(lang ->
                        new Detection.Query(lang, r.string("query").orElse(""), scope(r), r.string("saved_id")));
            case "eql":
                return language(r, diags, QueryLanguage.EQL).map(lang -> new Detection.Eql(
                        required(r, "query"), scope(r), r.string("event_category_override"),
                        r.string("tiebreaker_field"), r.string("timestamp_field")));
            case "esql":
                if (r.has("index")) {
                    diags.error("toml.esql-index", r.pos("index"),
                            "ES|QL rules take their indices from the query's FROM command, not from [rule.index]",
                            "remove index and name the indices in FROM");
                }
                return language(r, diags, QueryLanguage.ESQL).map(lang -> new Detection.Esql(required(r, "query")));
            case "new_terms":
                return language(r, diags, QueryLanguage.KUERY, QueryLanguage.LUCENE).flatMap(lang ->
                        newTerms(r, lang, diags));
            case "threshold":
                return language(r, diags, QueryLanguage.KUERY, QueryLanguage.LUCENE).flatMap(lang ->
                        threshold(r, diags).map(t -> new Detection.Threshold(lang, required(r, "query"), scope(r), t,
                                r.string("saved_id"))));
            case "machine_learning":
                return machineLearning(r, diags);
            case "threat_match":
                return language(r, diags, QueryLanguage.KUERY, QueryLanguage.LUCENE).map(lang -> threatMatch(r, lang,
                        diags));
            case "saved_query":
                return language(r, diags, QueryLanguage.KUERY, QueryLanguage.LUCENE).map(lang ->
                        new Detection.SavedQuery(required(r, "saved_id"), lang, r.string("query"), scope(r)));
            default:
                // The type-specific keys cannot be judged without a type: no warnings about them.
                r.skip(TYPE_KEYS);
                diags.error("toml.unknown-type", r.pos("type"), "unknown rule type [" + type + "]",
                        "use one of " + String.join(", ", TYPES));
                return Optional.empty();
        }
    }

    private static String required(TomlCursor r, String key) {
        return r.requiredString(key);
    }

    /** The rule's language; absent means the first allowed one (kuery for query-based types). */
    private static Optional<QueryLanguage> language(TomlCursor r, Diagnostics diags, QueryLanguage... allowed) {
        Optional<String> written = r.string("language");
        if (written.isEmpty()) {
            return Optional.of(allowed[0]);
        }
        for (QueryLanguage l : allowed) {
            if (l.wireName().equals(written.get())) {
                return Optional.of(l);
            }
        }
        StringBuilder names = new StringBuilder();
        for (QueryLanguage l : allowed) {
            names.append(names.length() == 0 ? "" : " or ").append('"').append(l.wireName()).append('"');
        }
        diags.error("toml.wrong-language", r.pos("language"), "language [" + written.get()
                + "] is not valid for a " + r.string("type").orElse("") + " rule", "use " + names);
        return Optional.empty();
    }

    private static Scope scope(TomlCursor r) {
        return new Scope(r.strings("index", false), r.string("data_view_id"),
                TomlRuleReader.arr(r.value("filters")));
    }

    /** {@code [rule.new_terms]} is written as {@code field = "new_terms_fields"}, {@code value = [...]} with a
     *  {@code [[rule.new_terms.history_window_start]]} table of the same field/value shape. */
    private static Optional<Detection> newTerms(TomlCursor r, QueryLanguage lang, Diagnostics diags) {
        Optional<TomlCursor> nt = r.table("new_terms");
        if (nt.isEmpty()) {
            diags.error("toml.missing-field", r.tablePos(), "a new_terms rule needs a [rule.new_terms] table",
                    "add [rule.new_terms] with field = \"new_terms_fields\" and value = [\"<field>\"]");
            return Optional.empty();
        }
        TomlCursor t = nt.get();
        t.string("field");
        List<String> fields = t.strings("value", false);
        if (fields.isEmpty() || fields.size() > 3) {
            diags.error("toml.new-terms-fields", t.pos("value"), "new_terms needs 1 to 3 fields, found "
                    + fields.size(), "list between one and three field names in [rule.new_terms] value");
        }
        List<TomlCursor> hw = t.tables("history_window_start");
        Optional<String> history = Optional.empty();
        for (TomlCursor h : hw) {
            h.string("field");
            history = h.string("value");
            h.reportUnknownKeys();
        }
        t.reportUnknownKeys();
        if (history.isEmpty()) {
            diags.error("toml.missing-field", t.tablePos(), "new_terms needs a history window start",
                    "add [[rule.new_terms.history_window_start]] with field = \"history_window_start\" and "
                            + "value = \"now-14d\"");
            return Optional.empty();
        }
        return Optional.of(new Detection.NewTerms(lang, required(r, "query"), scope(r), fields, history.get()));
    }

    private static Optional<ThresholdSpec> threshold(TomlCursor r, Diagnostics diags) {
        Optional<TomlCursor> th = r.table("threshold");
        if (th.isEmpty()) {
            diags.error("toml.missing-field", r.tablePos(), "a threshold rule needs a [rule.threshold] table",
                    "add [rule.threshold] with field = [...] and value = <count>");
            return Optional.empty();
        }
        TomlCursor t = th.get();
        List<String> fields = t.strings("field", true);
        long value = t.integer("value").orElse(0);
        if (value < 1) {
            diags.error("toml.out-of-range", t.has("value") ? t.pos("value") : t.tablePos(),
                    "threshold value must be at least 1", "set value = <count of events that raises an alert>");
        }
        List<ThresholdSpec.Cardinality> card = t.each(t.tables("cardinality"), c ->
                Optional.of(new ThresholdSpec.Cardinality(c.requiredString("field"), c.integer("value").orElse(0))));
        t.reportUnknownKeys();
        return Optional.of(new ThresholdSpec(fields, value, card));
    }

    private static Optional<Detection> machineLearning(TomlCursor r, Diagnostics diags) {
        boolean asList = !r.isString("machine_learning_job_id");
        List<String> jobs = r.strings("machine_learning_job_id", true);
        if (jobs.isEmpty()) {
            diags.error("toml.missing-field", r.tablePos(), "a machine_learning rule needs machine_learning_job_id",
                    "add machine_learning_job_id = \"<job id>\"");
            return Optional.empty();
        }
        OptionalLong threshold = r.integer("anomaly_threshold");
        if (threshold.isEmpty()) {
            diags.error("toml.missing-field", r.tablePos(), "a machine_learning rule needs anomaly_threshold",
                    "add anomaly_threshold = <0–100>");
            return Optional.empty();
        }
        if (threshold.getAsLong() < 0 || threshold.getAsLong() > 100) {
            diags.error("toml.out-of-range", r.pos("anomaly_threshold"), "anomaly_threshold must be 0–100",
                    "use a score from 0 to 100");
        }
        return Optional.of(new Detection.MachineLearning(jobs, asList, threshold.getAsLong()));
    }

    private static Detection threatMatch(TomlCursor r, QueryLanguage lang, Diagnostics diags) {
        List<List<ThreatMappingEntry>> mapping = r.each(r.tables("threat_mapping"), g ->
                Optional.of(g.each(g.tables("entries"), e -> Optional.of(new ThreatMappingEntry(
                        e.requiredString("field"), e.requiredString("type"), e.requiredString("value"))))));
        if (mapping.isEmpty()) {
            diags.error("toml.missing-field", r.tablePos(), "a threat_match rule needs [[rule.threat_mapping]]",
                    "add [[rule.threat_mapping]] with [[rule.threat_mapping.entries]]");
        }
        Optional<String> tl = r.string("threat_language");
        Optional<QueryLanguage> threatLanguage = tl.flatMap(QueryLanguage::fromWire)
                .filter(l -> l == QueryLanguage.KUERY || l == QueryLanguage.LUCENE);
        if (tl.isPresent() && threatLanguage.isEmpty()) {
            diags.error("toml.wrong-language", r.pos("threat_language"), "threat_language [" + tl.get()
                    + "] is not valid", "use \"kuery\" or \"lucene\"");
        }
        return new Detection.ThreatMatch(lang, required(r, "query"), scope(r), r.strings("threat_index", false),
                required(r, "threat_query"), threatLanguage, mapping, TomlRuleReader.arr(r.value("threat_filters")),
                r.string("threat_indicator_path"), r.integer("concurrent_searches"), r.integer("items_per_search"));
    }
}
