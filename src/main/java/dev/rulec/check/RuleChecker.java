package dev.rulec.check;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.NearestName;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprFields;
import dev.rulec.lang.eql.EqlExpr;
import dev.rulec.lang.eql.EqlFields;
import dev.rulec.lang.eql.EqlParser;
import dev.rulec.lang.esql.EsqlCommand;
import dev.rulec.lang.esql.EsqlParser;
import dev.rulec.lang.esql.EsqlQuery;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.lang.lucene.LuceneParser;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.Scope;
import dev.rulec.model.ThreatMappingEntry;
import dev.rulec.model.ThresholdSpec;
import dev.rulec.ruletest.RequiredFields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks rules against a live cluster: every field a query names against {@code _field_caps} of the rule's indices,
 * every ES|QL query run with {@code LIMIT 0}, and rules that can match no data. Problems with a rule are diagnostics
 * in its file; a cluster that cannot be asked throws {@link CheckException}.
 *
 * <p>Rules are not run over their look-back: a detection rule that found nothing recently is normal, and a search per
 * rule would load the cluster for no verdict. "No data" means what the mappings prove: no index, or a field every
 * match needs mapped nowhere.
 */
public final class RuleChecker implements AutoCloseable {
    /** How Elasticsearch explains a term on a field no index maps. */
    private static final Pattern UNMAPPED = Pattern.compile("unmapped fields? \\[([^\\]]+)]");
    private static final Pattern CLUSTER_LINE = Pattern.compile("^line (\\d+):(\\d+): (.*)$", Pattern.MULTILINE);

    private final Cluster cluster;
    private final Map<List<String>, IndexFields> fieldsByPatterns = new HashMap<>();

    private RuleChecker(Cluster cluster) {
        this.cluster = cluster;
    }

    /** @throws CheckException (CONFIG) for settings that cannot work; nothing is sent yet */
    public static RuleChecker connect(ClusterConfig config) {
        return new RuleChecker(Cluster.connect(config));
    }

    /**
     * Checks every rule, adding its problems to {@code diags}.
     *
     * @throws CheckException when the cluster is unreachable, refuses the credentials, or the user may not read the
     *                        rules' indices
     */
    public void check(List<LoadedRule> rules, Diagnostics diags) {
        Optional<String> user = cluster.user();
        if (user.isPresent()) {
            Set<String> patterns = new LinkedHashSet<>();
            rules.forEach(r -> patterns.addAll(indexPatterns(r.rule().detection())));
            Map<String, List<String>> missing = patterns.isEmpty() ? Map.of()
                    : cluster.missingPrivileges(List.copyOf(patterns));
            if (!missing.isEmpty()) {
                List<String> parts = new ArrayList<>();
                missing.forEach((pattern, privs) -> parts.add(privs + " on [" + pattern + "]"));
                throw new CheckException(CheckException.Kind.FORBIDDEN, "user [" + user.get() + "] lacks the index "
                        + "privileges " + String.join(", ", parts) + " (grant read and view_index_metadata on the "
                        + "rules' indices; without them Elasticsearch hides those indices and every rule would look "
                        + "like it matches no data)", null);
            }
        }
        for (LoadedRule r : rules) {
            check(r, diags);
        }
    }

    private void check(LoadedRule lr, Diagnostics diags) {
        Detection d = lr.rule().detection();
        if (d instanceof Detection.Esql e) {
            esql(lr, e.query(), diags);
        } else if (d instanceof Detection.Eql e) {
            withIndices(lr, e.scope(), diags).ifPresent(f -> eql(lr, e, f, diags));
        } else if (d instanceof Detection.Query q) {
            withIndices(lr, q.scope(), diags).ifPresent(f -> query(lr, q.language(), q.query(), f, diags));
        } else if (d instanceof Detection.NewTerms n) {
            withIndices(lr, n.scope(), diags).ifPresent(f -> {
                query(lr, n.language(), n.query(), f, diags);
                aggregated(lr, n.fields(), "rule.new_terms.value", "new terms", f, diags);
            });
        } else if (d instanceof Detection.Threshold t) {
            withIndices(lr, t.scope(), diags).ifPresent(f -> {
                query(lr, t.language(), t.query(), f, diags);
                aggregated(lr, thresholdFields(t.threshold()), "rule.threshold.field", "threshold", f, diags);
            });
        } else if (d instanceof Detection.ThreatMatch t) {
            withIndices(lr, t.scope(), diags).ifPresent(f -> {
                query(lr, t.language(), t.query(), f, diags);
                mappingFields(lr, t, ThreatMappingEntry::field, f, diags);
            });
            withIndices(lr, Scope.of(t.threatIndex()), "rule.threat_index", diags).ifPresent(f -> {
                query(lr, t.threatLanguage().orElse(QueryLanguage.KUERY), t.threatQuery(), "rule.threat_query", f,
                        diags);
                mappingFields(lr, t, ThreatMappingEntry::value, f, diags);
            });
        } else if (d instanceof Detection.SavedQuery s) {
            if (s.query().isPresent()) {
                withIndices(lr, s.scope(), diags).ifPresent(f -> query(lr, s.language(), s.query().get(), f, diags));
            }
        } else if (d instanceof Detection.MachineLearning) {
            diags.add(note(lr.origin(), "machine_learning rules read their job's results, not indices: not checked"));
        }
    }

    private Optional<IndexFields> withIndices(LoadedRule lr, Scope scope, Diagnostics diags) {
        return withIndices(lr, scope, "rule.index", diags);
    }

    /** The indices' fields, or empty (with a diagnostic) when the rule names none or they resolve to no index. */
    private Optional<IndexFields> withIndices(LoadedRule lr, Scope scope, String key, Diagnostics diags) {
        if (scope.index().isEmpty()) {
            diags.add(note(lr.origin(), scope.dataViewId().map(v -> "the rule reads data view [" + v + "], a Kibana "
                    + "object rulec check cannot resolve: not checked").orElse("the rule names no index patterns "
                    + "(Kibana uses the space's default indices): not checked")));
            return Optional.empty();
        }
        IndexFields f = fields(scope.index());
        if (f.indices().isEmpty()) {
            diags.error("check.no-data", lr.posOf(key), "the index patterns " + scope.index()
                    + " match no index on the cluster, so the rule matches no data",
                    "check the patterns, or ship the data first");
            return Optional.empty();
        }
        return Optional.of(f);
    }

    private IndexFields fields(List<String> patterns) {
        return fieldsByPatterns.computeIfAbsent(List.copyOf(patterns), cluster::fields);
    }

    private void query(LoadedRule lr, QueryLanguage lang, String text, IndexFields f, Diagnostics diags) {
        query(lr, lang, text, "rule.query", f, diags);
    }

    private void query(LoadedRule lr, QueryLanguage lang, String text, String key, IndexFields f, Diagnostics diags) {
        if (text.isBlank()) {
            return;
        }
        FieldPositions at = new FieldPositions(lr, key, text);
        if (lang != QueryLanguage.KUERY) {
            lucene(lr, text, at, f, diags);
            return;
        }
        Diagnostics syntax = new Diagnostics();
        Optional<Expr> expr = KqlParser.parse(text, at.start(), f.schema().asFieldTypes(), f.schema().fieldNames(),
                syntax);
        if (expr.isEmpty()) {
            diags.addAll(syntax.all());
            return;
        }
        Set<String> required = RequiredFields.of(expr.get());
        Map<String, String> mismatches = TypeMismatches.of(expr.get(), f.schema());
        for (String field : ExprFields.of(expr.get())) {
            if (!known(lr, field, at.of(field), required.contains(field), f, diags)) {
                continue;
            }
            Optional.ofNullable(mismatches.get(field)).ifPresent(m -> diags.error("check.type-mismatch", at.of(field),
                    m, "fix the value, or compare a field of the right type"));
        }
    }

    /**
     * rulec's Lucene grammar finds syntax errors offline, at their place; then the cluster checks the query against the
     * mappings ({@code _validate/query}), and the fields it explains as
     * {@code MatchNoDocsQuery("unmapped fields [a, b]")} and no index maps are the unknown ones.
     */
    private void lucene(LoadedRule lr, String text, FieldPositions at, IndexFields f, Diagnostics diags) {
        Diagnostics syntax = new Diagnostics();
        if (LuceneParser.parse(text, at.start(), syntax).isEmpty()) {
            diags.addAll(syntax.all());
            return;
        }
        Cluster.LuceneValidation v = cluster.lucene(f.patterns(), text);
        if (v.error().isPresent()) {
            diags.error("check.lucene", at.start(), oneLine(v.error().get()), "Elasticsearch cannot parse or run this "
                    + "Lucene query; fix the query");
            return;
        }
        Set<String> unmapped = new LinkedHashSet<>();
        for (String e : v.explanations()) {
            Matcher m = UNMAPPED.matcher(e);
            while (m.find()) {
                unmapped.addAll(List.of(m.group(1).split(",\\s*")));
            }
        }
        for (String field : unmapped) {
            known(lr, field, at.of(field), false, f, diags);
        }
    }

    /** The parser's own sentence from the cluster's nested error, on one line, without the list of expected tokens. */
    private static String oneLine(String reason) {
        String marker = "ParseException: ";
        int p = reason.lastIndexOf(marker);
        String s = p >= 0 ? reason.substring(p + marker.length()) : reason;
        int expecting = s.indexOf("Was expecting");
        return (expecting >= 0 ? s.substring(0, expecting) : s).strip().replaceAll("\\s+", " ");
    }

    private void eql(LoadedRule lr, Detection.Eql e, IndexFields f, Diagnostics diags) {
        FieldPositions at = new FieldPositions(lr, "rule.query", e.query());
        EqlParser.Result r = EqlParser.parse(e.query());
        if (r.error().isPresent()) {
            EqlParser.SyntaxError s = r.error().get();
            diags.error("eql.syntax", at.at(s.line(), s.column()), "EQL: " + s.message(), "fix the query");
            return;
        }
        boolean categorised = EqlFields.categories(r.query().get()).stream().anyMatch(c -> !c.equals("any"));
        if (categorised) {
            String category = e.eventCategoryOverride().orElse("event.category");
            known(lr, category, at.start(), true, f, diags);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (EqlExpr.Field field : EqlFields.of(r.query().get())) {
            if (!field.optional() && seen.add(field.path())) {
                // EQL refuses a query naming an unmapped field, so each one makes the rule fail, not just miss.
                known(lr, field.path(), at.at(field.line(), field.column()), true, f, diags);
            }
        }
    }

    /** New terms and threshold group by fields: each must be mapped and aggregatable. */
    private void aggregated(LoadedRule lr, List<String> names, String key, String what, IndexFields f,
                            Diagnostics diags) {
        SourcePos pos = lr.posOf(key);
        for (String field : names) {
            if (known(lr, field, pos, true, f, diags) && f.nonAggregatable().contains(field)) {
                diags.error("check.not-aggregatable", pos, "the " + what + " field [" + field + "] cannot be "
                        + "aggregated in some of " + f.indices(), "use a keyword field (often [" + field
                        + ".keyword])");
            }
        }
    }

    /**
     * One side of an indicator match's field pairs (the events' or the indicators'): a field in every group is needed
     * by every alert, one in some groups only by those.
     */
    private void mappingFields(LoadedRule lr, Detection.ThreatMatch t,
                               java.util.function.Function<ThreatMappingEntry, String> side, IndexFields f,
                               Diagnostics diags) {
        SourcePos pos = lr.posOf("rule.threat_mapping");
        Set<String> all = new LinkedHashSet<>();
        t.threatMapping().forEach(g -> g.forEach(e -> all.add(side.apply(e))));
        for (String field : all) {
            boolean inEveryGroup = t.threatMapping().stream().allMatch(g -> g.stream().map(side).anyMatch(field::equals));
            known(lr, field, pos, inEveryGroup, f, diags);
        }
    }

    private static List<String> thresholdFields(ThresholdSpec t) {
        List<String> out = new ArrayList<>(t.fields());
        t.cardinality().forEach(c -> out.add(c.field()));
        return out;
    }

    /**
     * Whether a field is mapped; reports it when not ({@code check.no-data} when every match needs it, else
     * {@code check.unknown-field}) and when its type differs between indices.
     */
    private boolean known(LoadedRule lr, String field, SourcePos pos, boolean required, IndexFields f,
                          Diagnostics diags) {
        if (f.schema().field(field).isPresent() || f.schema().isFlattenedKey(field)) {
            Optional.ofNullable(f.conflicts().get(field)).ifPresent(c -> diags.warning("check.type-conflict", pos,
                    "field [" + field + "] is mapped as " + c, "a comparison may fail or match differently per index; "
                            + "align the mappings"));
            return true;
        }
        String hint = NearestName.of(field, f.schema().fieldNames()).map(n -> "did you mean [" + n + "]?")
                .orElse("check the spelling, or map the field");
        if (required) {
            diags.error("check.no-data", pos, "field [" + field + "] is mapped in no index matching " + f.patterns()
                    + "; every event the rule matches needs it, so the rule matches no data", hint);
        } else {
            diags.error("check.unknown-field", pos, "field [" + field + "] is mapped in no index matching "
                    + f.patterns(), hint);
        }
        return false;
    }

    private void esql(LoadedRule lr, String query, Diagnostics diags) {
        FieldPositions at = new FieldPositions(lr, "rule.query", query);
        Optional<EsqlCommand.From> from = from(query);
        if (from.isPresent()) {
            IndexFields f = fields(from.get().indices());
            if (f.indices().isEmpty()) {
                diags.error("check.no-data", at.at(from.get().loc().line(), from.get().loc().column()),
                        "FROM " + String.join(", ", from.get().indices()) + " matches no index on the cluster, so the "
                                + "rule matches no data", "check the patterns, or ship the data first");
                return;
            }
        }
        // A new line, so that a trailing // comment cannot swallow the limit.
        String text = query.stripTrailing();
        Optional<Cluster.Refusal> refusal = cluster.esql(text + "\n| LIMIT 0");
        if (refusal.isEmpty()) {
            return;
        }
        String code = switch (refusal.get().type()) {
            case "parsing_exception" -> "check.esql-parsing";
            case "verification_exception" -> "check.esql-verification";
            default -> "check.esql";
        };
        String hint = "Elasticsearch refused the query [" + refusal.get().type() + "]";
        Matcher m = CLUSTER_LINE.matcher(refusal.get().reason());
        boolean any = false;
        while (m.find()) {
            any = true;
            diags.error(code, clamped(at, text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                    m.group(3), hint);
        }
        if (!any) {
            diags.error(code, at.start(), refusal.get().reason(), hint);
        }
    }

    /** A place the cluster found on the appended LIMIT line is the end of the rule's own query. */
    private static SourcePos clamped(FieldPositions at, String query, int line, int column) {
        String[] lines = query.split("\n", -1);
        if (line <= lines.length) {
            return at.at(line, column);
        }
        return at.at(lines.length, lines[lines.length - 1].length() + 1);
    }

    private static List<String> indexPatterns(Detection d) {
        if (d instanceof Detection.Esql e) {
            return from(e.query()).map(EsqlCommand.From::indices).orElse(List.of());
        }
        List<String> out = new ArrayList<>(Scope.of(d).map(Scope::index).orElse(List.of()));
        if (d instanceof Detection.ThreatMatch t) {
            out.addAll(t.threatIndex());
        }
        return out;
    }

    private static Optional<EsqlCommand.From> from(String query) {
        return EsqlParser.parse(query).query().map(EsqlQuery::source).filter(EsqlCommand.From.class::isInstance)
                .map(EsqlCommand.From.class::cast);
    }

    private static dev.rulec.diag.Diagnostic note(SourcePos pos, String message) {
        return new dev.rulec.diag.Diagnostic("check.not-checked", dev.rulec.diag.Severity.NOTE, pos, message, "");
    }

    @Override
    public void close() {
        cluster.close();
    }
}
