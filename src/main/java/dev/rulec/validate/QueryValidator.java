package dev.rulec.validate;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.Severity;
import dev.rulec.diag.SourcePos;
import dev.rulec.lang.eql.EqlChecker;
import dev.rulec.lang.eql.EqlParser;
import dev.rulec.lang.esql.EsqlAnalyzer;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.lang.lucene.LuceneParser;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.Scope;
import dev.rulec.schema.Schema;

import java.util.List;
import java.util.function.Consumer;

/**
 * Parses every query a rule carries with rulec's own grammars (KQL, Lucene, ES|QL, EQL) and reports problems at their
 * place in the rule file. A Lucene query rulec wrote itself (a Sigma rule's) that its own grammar refuses is a bug in
 * rulec, reported as {@code lucene.internal-error} with the query.
 */
public final class QueryValidator {

    private static final EsqlAnalyzer ESQL = EsqlAnalyzer.withBuiltinSchemasWhereKnown();

    private QueryValidator() {
    }

    public static void check(LoadedRule rule, Diagnostics diags) {
        Detection d = rule.rule().detection();
        if (d instanceof Detection.Query q) {
            kql(rule, q.language(), q.query(), q.scope(), "rule.query", diags);
        } else if (d instanceof Detection.NewTerms n) {
            kql(rule, n.language(), n.query(), n.scope(), "rule.query", diags);
        } else if (d instanceof Detection.Threshold t) {
            kql(rule, t.language(), t.query(), t.scope(), "rule.query", diags);
        } else if (d instanceof Detection.ThreatMatch t) {
            kql(rule, t.language(), t.query(), t.scope(), "rule.query", diags);
            kql(rule, t.threatLanguage().orElse(QueryLanguage.KUERY), t.threatQuery(), Scope.of(t.threatIndex()),
                    "rule.threat_query", diags);
        } else if (d instanceof Detection.SavedQuery s) {
            s.query().ifPresent(q -> kql(rule, s.language(), q, s.scope(), "rule.query", diags));
        } else if (d instanceof Detection.Esql e) {
            esql(rule, e.query(), diags);
        } else if (d instanceof Detection.Eql e) {
            eql(rule, e, diags);
        }
    }

    private static void kql(LoadedRule rule, QueryLanguage lang, String query, Scope scope, String key,
                            Diagnostics diags) {
        if (lang == QueryLanguage.LUCENE) {
            lucene(rule, query, key, diags);
        }
        if (lang != QueryLanguage.KUERY || query.isBlank()) {
            return;
        }
        java.util.Collection<String> fields = Schema.forIndexPatterns(scope.index()).fieldNames();
        relocated(rule, key, diags, start -> d -> KqlParser.parse(query, start, fields, d), List.of("kql.field-pattern"));
    }

    private static void lucene(LoadedRule rule, String query, String key, Diagnostics diags) {
        if (rule.format() == LoadedRule.SourceFormat.TOML) {
            relocated(rule, key, diags, start -> d -> LuceneParser.parse(query, start, d), List.of());
            return;
        }
        Diagnostics found = new Diagnostics();
        if (LuceneParser.parse(query, SourcePos.startOf("query"), found).isEmpty()) {
            Diagnostic d = found.all().get(0);
            diags.error("lucene.internal-error", rule.origin(), "rulec wrote the Lucene query [" + query
                            + "], which its own Lucene grammar refuses at " + d.pos().line() + ":" + d.pos().column() + ": "
                            + d.message(),
                    "this is a bug in rulec; please report it with the rule file");
        }
    }

    private static void esql(LoadedRule rule, String query, Diagnostics diags) {
        // rulec's ES|QL grammar is 8.19's: a rule made for a newer stack gets warnings for what 8.19 lacks.
        boolean newerStack = rule.rule().metadata().minStackVersion().map(v -> !v.startsWith("8.")).orElse(false);
        relocated(rule, "rule.query", diags, start -> d -> ESQL.report(query, start, d),
                newerStack ? List.of("esql.syntax", "esql.verify") : List.of("esql.verify"));
    }

    private static void eql(LoadedRule rule, Detection.Eql eql, Diagnostics diags) {
        EqlParser.Result r = EqlParser.parse(eql.query());
        r.error().ifPresent(e -> diags.error("eql.syntax", QueryStart.of(rule, "rule.query").inside(e.line(), e.column()),
                "EQL: " + e.message(), "fix the query"));
        // Names depend on what rulec's schema and function table know: warnings, as for ES|QL.
        List<EqlChecker.Problem> problems = r.query()
                .map(q -> EqlChecker.check(q, eql.query(), Schema.bundledFor(eql.scope().index()))).orElse(List.of());
        if (!problems.isEmpty()) {
            SourcePos s = QueryStart.of(rule, "rule.query");
            problems.forEach(p -> diags.warning("eql.verify", s.inside(p.line(), p.column()), "EQL: " + p.message(),
                    "Elasticsearch would refuse this query; check names against the schema"));
        }
    }

    /**
     * Runs a check with the query's start at the file's start; only when it finds something is the real start looked
     * up and the check run again, so valid queries cost one parse. Codes in {@code softCodes} become warnings: they
     * depend on what rulec's schema or grammar knows, not on the rule alone.
     */
    private static void relocated(LoadedRule rule, String key, Diagnostics diags,
                                  java.util.function.Function<SourcePos, Consumer<Diagnostics>> check,
                                  List<String> softCodes) {
        Diagnostics probe = new Diagnostics();
        check.apply(rule.origin()).accept(probe);
        if (probe.isEmpty()) {
            return;
        }
        SourcePos start = QueryStart.of(rule, key);
        Diagnostics placed = probe;
        if (!start.equals(rule.origin())) {
            placed = new Diagnostics();
            check.apply(start).accept(placed);
        }
        for (Diagnostic x : placed.all()) {
            diags.add(softCodes.contains(x.code()) && x.isError()
                    ? new Diagnostic(x.code(), Severity.WARNING, x.pos(), x.message(), x.hint()) : x);
        }
    }
}
