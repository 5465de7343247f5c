package dev.rulec.docs;

import dev.rulec.docs.Block.Fact;
import dev.rulec.kibana.Json;
import dev.rulec.kibana.KibanaFilter;
import dev.rulec.model.Detection;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.Scope;
import dev.rulec.model.ThreatMappingEntry;
import dev.rulec.model.ThresholdSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The sections that depend on the rule type: the query, ML jobs, threshold, new terms, indicator match. */
final class DetectionSections {
    private DetectionSections() {
    }

    static List<String> indices(Detection d) {
        if (d instanceof Detection.Esql) {
            return EsqlSources.of(((Detection.Esql) d).query());
        }
        return scope(d).map(Scope::index).orElse(List.of());
    }

    static Optional<String> dataView(Detection d) {
        return scope(d).flatMap(Scope::dataViewId);
    }

    private static Optional<Scope> scope(Detection d) {
        return Scope.of(d);
    }

    static List<Section> of(Detection d, Messages m) {
        List<Section> out = new ArrayList<>();
        if (d instanceof Detection.MachineLearning) {
            Detection.MachineLearning ml = (Detection.MachineLearning) d;
            out.add(new Section("ml", m.get("section.ml"), List.of(new Block.Facts(List.of(
                    new Fact("mlJobs", m.get("label.mlJobs"), List.of(),
                            ml.jobIds().stream().map(j -> List.<Inline>of(new Inline.Code(j))).toList()),
                    Fact.scalar("anomalyThreshold", m.get("label.anomalyThreshold"),
                            new Inline.Text(m.get("value.number", ml.anomalyThreshold()))))))));
            return out;
        }
        if (d instanceof Detection.Query) {
            Detection.Query q = (Detection.Query) d;
            out.add(query(m, q.language(), q.query(), q.scope()));
        } else if (d instanceof Detection.Eql) {
            out.add(query(m, QueryLanguage.EQL, ((Detection.Eql) d).query()));
        } else if (d instanceof Detection.Esql) {
            out.add(query(m, QueryLanguage.ESQL, ((Detection.Esql) d).query()));
        } else if (d instanceof Detection.NewTerms) {
            Detection.NewTerms n = (Detection.NewTerms) d;
            out.add(query(m, n.language(), n.query(), n.scope()));
            out.add(new Section("newTerms", m.get("section.newTerms"), List.of(new Block.Facts(List.of(
                    codes(m, "newTermsFields", n.fields()),
                    Fact.scalar("historyWindow", m.get("label.historyWindow"),
                            new Inline.Text(n.historyWindowStart())))))));
        } else if (d instanceof Detection.Threshold) {
            Detection.Threshold t = (Detection.Threshold) d;
            out.add(query(m, t.language(), t.query(), t.scope()));
            out.add(threshold(m, t.threshold()));
        } else if (d instanceof Detection.ThreatMatch) {
            Detection.ThreatMatch t = (Detection.ThreatMatch) d;
            out.add(query(m, t.language(), t.query()));
            out.add(threatMatch(m, t));
        } else if (d instanceof Detection.SavedQuery) {
            Detection.SavedQuery s = (Detection.SavedQuery) d;
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Paragraph(List.of(new Inline.Text(m.get("query.saved", s.savedId())))));
            s.query().ifPresent(q -> blocks.add(new Block.CodeBlock(s.language().wireName(), q.strip())));
            out.add(new Section("query", m.get("section.query"), blocks));
        }
        return out;
    }

    private static Section query(Messages m, QueryLanguage lang, String query, Scope scope) {
        List<Block> blocks = new ArrayList<>();
        if (!query.isBlank() || scope.filters().items().isEmpty()) {
            blocks.add(new Block.CodeBlock(lang.wireName(), query.strip()));
        }
        // Kibana ANDs a rule's filters onto its query; a Sigma condition KQL lacks is one (custom Query DSL).
        for (KibanaFilter f : KibanaFilter.of(scope.filters())) {
            if (f.disabled()) {
                continue;
            }
            blocks.add(new Block.Paragraph(List.of(new Inline.Text(m.get(f.negate() ? "query.filterNegated"
                    : "query.filter", f.alias().orElse(""))))));
            blocks.add(new Block.CodeBlock("json", Json.pretty(f.dsl()).strip()));
        }
        return new Section("query", m.get("section.query"), blocks);
    }

    private static Section query(Messages m, QueryLanguage lang, String query) {
        return query(m, lang, query, Scope.none());
    }

    private static Section threshold(Messages m, ThresholdSpec t) {
        List<Fact> facts = new ArrayList<>();
        facts.add(codes(m, "thresholdFields", t.fields()));
        facts.add(Fact.scalar("thresholdValue", m.get("label.thresholdValue"),
                new Inline.Text(m.get("value.number", t.value()))));
        for (ThresholdSpec.Cardinality c : t.cardinality()) {
            facts.add(Fact.scalar("thresholdCardinality", m.get("label.thresholdCardinality"),
                    new Inline.Text(m.get("threshold.cardinality", c.field(), c.value()))));
        }
        return new Section("threshold", m.get("section.threshold"), List.of(new Block.Facts(facts)));
    }

    private static Section threatMatch(Messages m, Detection.ThreatMatch t) {
        List<List<Inline>> mappings = new ArrayList<>();
        for (List<ThreatMappingEntry> group : t.threatMapping()) {
            List<String> pairs = group.stream().map(e -> m.get("threatMatch.pair", e.field(), e.value())).toList();
            mappings.add(List.of(new Inline.Text(String.join(m.get("threatMatch.and"), pairs))));
        }
        List<Block> blocks = List.of(
                new Block.Facts(List.of(codes(m, "threatIndex", t.threatIndex()),
                        new Fact("threatMapping", m.get("label.threatMapping"), List.of(), mappings))),
                new Block.CodeBlock(t.threatLanguage().orElse(t.language()).wireName(), t.threatQuery().strip()));
        return new Section("threatMatch", m.get("section.threatMatch"), blocks);
    }

    private static Fact codes(Messages m, String key, List<String> values) {
        return new Fact(key, m.get("label." + key), List.of(),
                values.stream().map(v -> List.<Inline>of(new Inline.Code(v))).toList());
    }
}
