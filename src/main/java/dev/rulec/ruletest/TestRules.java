package dev.rulec.ruletest;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.lang.esql.EsqlCommand;
import dev.rulec.lang.esql.EsqlParser;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.Rule;
import dev.rulec.model.Scope;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.source.sigma.yaml.YNode;
import dev.rulec.target.Renderer;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.target.kql.KqlFilterMode;
import dev.rulec.target.kql.KqlRenderer;
import dev.rulec.source.toml.TomlRuleReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads rule files (TOML and Sigma) into {@link TestRule}s; KQL queries are parsed into the IR here. */
public final class TestRules {
    private TestRules() {
    }

    /** Kibana's default look-back for a rule with no {@code from}. */
    static final String DEFAULT_FROM = "now-6m";
    static final String DEFAULT_INDEX = "logs-*";

    public static List<TestRule> loadToml(Path file, Diagnostics diags) {
        Optional<LoadedRule> lr = TomlRuleReader.read(file, diags);
        if (lr.isEmpty()) {
            return List.of();
        }
        Rule r = lr.get().rule();
        Detection d = r.detection();
        Optional<Expr> ir = Optional.empty();
        List<String> indices = indicesOf(d);
        QueryLanguage lang = null;
        String query = "";
        if (d instanceof Detection.Query q) {
            lang = q.language();
            query = q.query();
        } else if (d instanceof Detection.NewTerms n) {
            lang = n.language();
            query = n.query();
        } else if (d instanceof Detection.Threshold t) {
            lang = t.language();
            query = t.query();
        }
        if (lang == QueryLanguage.KUERY && query.isBlank()) {
            ir = Optional.of(new Expr.Const(true)); // Kibana runs an empty KQL query as match_all
        } else if (lang == QueryLanguage.KUERY) {
            SourcePos at = lr.get().posOf("rule.query");
            ir = KqlParser.parse(query, at, diags);
            if (ir.isEmpty()) {
                return List.of();
            }
        }
        var s = r.schedule();
        var a = r.alerting();
        return List.of(new TestRule(r.ruleId(), r.name(), file.toString(), d, ir,
                indices.isEmpty() ? List.of(DEFAULT_INDEX) : indices, s.from().orElse(DEFAULT_FROM),
                s.to().orElse("now"), a.timestampOverride(), !a.timestampOverrideFallbackDisabled().orElse(false)));
    }

    /**
     * Sigma rules as query rules over their pipeline's indices, and correlation rules as {@code rulec compile} writes
     * them by default: event and value counts as threshold rules (run on the events of the rules they correlate),
     * temporal correlations as ES|QL.
     */
    public static List<TestRule> loadSigma(Path file, Diagnostics diags) {
        SigmaFrontEnd front = new SigmaFrontEnd(PipelineSet.builtIns());
        SigmaFrontEnd.Parsed p = front.parse(List.of(file), diags);
        List<TestRule> out = new ArrayList<>();
        for (SigmaRuleIr r : p.standalone()) {
            List<String> indices = r.pipeline().map(x -> x.indices()).filter(l -> !l.isEmpty())
                    .orElse(List.of(DEFAULT_INDEX));
            Detection d = new Detection.Query(QueryLanguage.KUERY, "", Scope.of(indices), Optional.empty());
            out.add(new TestRule(r.id(), r.title(), file.toString(), d, Optional.of(r.detection()), indices,
                    DEFAULT_FROM, "now", Optional.empty(), true));
        }
        // the compile's warnings are `rulec compile`'s to report; a correlation that does not compile is an error here
        Diagnostics compiled = new Diagnostics();
        for (SigmaFrontEnd.Document c : p.correlations()) {
            Renderer renderer = isTemporal(c) ? new EsqlRenderer() : new KqlRenderer(true, KqlFilterMode.DSL);
            for (SigmaFrontEnd.Correlation cr : front.compileCorrelations(
                    new SigmaFrontEnd.Parsed(p.rules(), List.of(c)), renderer, compiled)) {
                out.add(correlation(cr, file));
            }
        }
        compiled.all().stream().filter(Diagnostic::isError).forEach(diags::add);
        return out;
    }

    /** The index patterns a rule searches: its {@code index}, or an ES|QL query's FROM; empty when it names none. */
    private static List<String> indicesOf(Detection d) {
        if (d instanceof Detection.Query q) {
            return q.scope().index();
        } else if (d instanceof Detection.NewTerms n) {
            return n.scope().index();
        } else if (d instanceof Detection.Threshold t) {
            return t.scope().index();
        } else if (d instanceof Detection.Eql e) {
            return e.scope().index();
        } else if (d instanceof Detection.Esql e) {
            var parsed = EsqlParser.parse(e.query());
            if (parsed.query().isPresent() && parsed.query().get().source() instanceof EsqlCommand.From f) {
                return f.indices();
            }
        }
        return List.of();
    }

    private static boolean isTemporal(SigmaFrontEnd.Document c) {
        return c.doc().get("correlation").orElse(null) instanceof YNode.YMap m
                && m.get("type").orElse(null) instanceof YNode.YScalar t && t.text().startsWith("temporal");
    }

    private static TestRule correlation(SigmaFrontEnd.Correlation c, Path file) {
        Rule r = c.rule().rule();
        Detection d = r.detection();
        List<String> indices = indicesOf(d);
        return new TestRule(r.ruleId(), r.name(), file.toString(), d,
                d instanceof Detection.Esql ? Optional.empty() : Optional.of(c.events()),
                indices.isEmpty() ? List.of(DEFAULT_INDEX) : indices, r.schedule().from().orElse(DEFAULT_FROM),
                r.schedule().to().orElse("now"), Optional.empty(), true);
    }
}
