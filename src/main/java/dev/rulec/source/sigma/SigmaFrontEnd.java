package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.ir.simplify.Simplifier;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.Rule;
import dev.rulec.model.Schedule;
import dev.rulec.pipeline.FieldMapping;
import dev.rulec.pipeline.Pipeline;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.sigma.detection.DetectionCompiler;
import dev.rulec.source.sigma.detection.DetectionItemCompiler;
import dev.rulec.source.sigma.yaml.YNode;
import dev.rulec.source.sigma.yaml.YamlException;
import dev.rulec.source.sigma.yaml.YamlLimits;
import dev.rulec.source.sigma.yaml.YamlReader;
import dev.rulec.target.FieldTypes;
import dev.rulec.target.RenderContext;
import dev.rulec.target.RenderedQuery;
import dev.rulec.target.Renderer;
import dev.rulec.target.Target;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Sigma front-end: YAML files (rules, correlations and meta filters, several documents per file) → IR →
 * rendered Kibana rules. Every problem is a diagnostic with file:line:col; a bad rule never stops the others.
 *
 * <p>Stages: {@link #parse} reads the files and compiles each detection rule to the IR through the pipeline its
 * logsource selects (pipeline conditions ANDed on, meta filters applied, simplified); {@link #compile} renders the
 * rules and the correlations with a target's {@link Renderer}.
 */
public final class SigmaFrontEnd {

    private final PipelineSet pipelines;
    private final Map<String, List<String>> placeholders;
    private final YamlLimits limits;
    private final RuleAssembler assembler = new RuleAssembler();

    public SigmaFrontEnd(PipelineSet pipelines) {
        this(pipelines, pipelines.placeholders(), YamlLimits.defaults());
    }

    private SigmaFrontEnd(PipelineSet pipelines, Map<String, List<String>> placeholders, YamlLimits limits) {
        this.pipelines = pipelines;
        this.placeholders = Map.copyOf(placeholders);
        this.limits = limits;
    }

    /** Values for the {@code expand} modifier's placeholders, added to (and overriding) those of the pipelines. */
    public SigmaFrontEnd withPlaceholders(Map<String, List<String>> values) {
        Map<String, List<String>> all = new LinkedHashMap<>(placeholders);
        all.putAll(values);
        return new SigmaFrontEnd(pipelines, all, limits);
    }

    /**
     * A values file for {@code expand}: a YAML mapping of placeholder name → value or list of values
     * ({@code admins: [root, "adm*"]}); values are Sigma strings (wildcards allowed). Problems go into {@code diags}.
     */
    public static Map<String, List<String>> loadPlaceholders(Path yaml, Diagnostics diags) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try {
            for (YNode doc : new YamlReader(YamlLimits.defaults()).readFile(yaml, yaml.toString())) {
                if (!(doc instanceof YNode.YMap m)) {
                    diags.error("sigma.values-file", doc.pos(), "a values file must be a mapping of placeholder"
                            + " names to values, not " + doc.kindName(), "");
                    continue;
                }
                for (YNode.Entry e : m.list()) {
                    try {
                        out.put(e.key(), Docs.strings(m, e.key()));
                    } catch (SigmaException x) {
                        diags.addAll(x.toDiagnostics());
                    }
                }
            }
        } catch (YamlException e) {
            diags.error("sigma.yaml", e.pos(), e.getMessage(), "");
        }
        return out;
    }

    public SigmaFrontEnd withLimits(YamlLimits newLimits) {
        return new SigmaFrontEnd(pipelines, placeholders, newLimits);
    }

    /** One file, rendered for one target. */
    public static List<LoadedRule> compile(Path file, Renderer renderer, PipelineSet pipelines, Diagnostics diags) {
        return new SigmaFrontEnd(pipelines).compile(List.of(file), renderer, diags);
    }

    /** Files rendered for one target; filters and correlations may reference rules of any of the files. */
    public List<LoadedRule> compile(List<Path> files, Renderer renderer, Diagnostics diags) {
        Parsed parsed = parse(files, diags);
        List<LoadedRule> out = new ArrayList<>();
        for (SigmaRuleIr r : parsed.standalone()) {
            try {
                render(r, renderer, diags).ifPresent(out::add);
            } catch (SigmaException e) {
                diags.addAll(e.toDiagnostics());
            }
        }
        compileCorrelations(parsed, renderer, diags).forEach(c -> out.add(c.rule()));
        return out;
    }

    /** A compiled correlation rule, with the events it counts: any event of one of the rules it correlates. */
    public record Correlation(LoadedRule rule, Expr events) {
    }

    /** The correlation rules of parsed files, rendered for one target; what cannot be is a diagnostic. */
    public List<Correlation> compileCorrelations(Parsed parsed, Renderer renderer, Diagnostics diags) {
        List<Correlation> out = new ArrayList<>();
        CorrelationCompiler correlations = new CorrelationCompiler(renderer, assembler, diags);
        for (Document c : parsed.correlations()) {
            try {
                correlations.compile(c.doc(), parsed.rules()).ifPresent(out::add);
            } catch (SigmaException e) {
                diags.addAll(e.toDiagnostics());
            }
        }
        return out;
    }

    /**
     * Rules referenced by a correlation without {@code generate: true}: the specification makes them building blocks
     * of the correlation only, not rules of their own.
     */
    private static java.util.Set<String> onlyCorrelated(List<Document> correlations) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Document d : correlations) {
            if (d.doc().get("correlation").orElse(null) instanceof YNode.YMap c) {
                // generate: written beside the correlation section or inside it
                YNode g = c.get("generate").orElse(d.doc().get("generate").orElse(null));
                boolean generate = g instanceof YNode.YScalar gs && gs.text().equalsIgnoreCase("true");
                if (!generate && c.get("rules").orElse(null) instanceof YNode.YSeq rules) {
                    for (YNode r : rules.items()) {
                        if (r instanceof YNode.YScalar s) {
                            out.add(s.text());
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A YAML document of a file. */
    public record Document(YNode.YMap doc, String file) {
    }

    /** The detection rules in IR form, and the correlation documents (compiled only when rendering). */
    public record Parsed(List<SigmaRuleIr> rules, List<Document> correlations) {
        public Parsed {
            rules = List.copyOf(rules);
            correlations = List.copyOf(correlations);
        }

        /**
         * The rules that are rules of their own: not those a correlation references without {@code generate: true},
         * which the specification makes building blocks of the correlation only.
         */
        public List<SigmaRuleIr> standalone() {
            java.util.Set<String> only = onlyCorrelated(correlations);
            return rules.stream()
                    .filter(r -> !only.contains(r.id()) && !r.name().map(only::contains).orElse(false))
                    .toList();
        }
    }

    public Parsed parse(List<Path> files, Diagnostics diags) {
        List<Document> rules = new ArrayList<>();
        List<Document> filters = new ArrayList<>();
        List<Document> correlations = new ArrayList<>();
        YamlReader reader = new YamlReader(limits);
        for (Path f : files) {
            String name = f.toString();
            try {
                for (YNode n : reader.readFile(f, name)) {
                    classify(n, name, rules, filters, correlations, diags);
                }
            } catch (YamlException e) {
                diags.error("sigma.yaml", e.pos(), e.getMessage(), "");
            }
        }
        return new Parsed(toIrs(rules, filters, diags), correlations);
    }

    /** Parses YAML text (all documents), for tests and tools that hold text rather than files. */
    public Parsed parseText(String yaml, String fileName, Diagnostics diags) {
        List<Document> rules = new ArrayList<>();
        List<Document> filters = new ArrayList<>();
        List<Document> correlations = new ArrayList<>();
        try {
            for (YNode n : new YamlReader(limits).readString(yaml, fileName)) {
                classify(n, fileName, rules, filters, correlations, diags);
            }
        } catch (YamlException e) {
            diags.error("sigma.yaml", e.pos(), e.getMessage(), "");
        }
        return new Parsed(toIrs(rules, filters, diags), correlations);
    }

    /** The rules' trees, with the meta filters applied; a rule that fails becomes a diagnostic. */
    private List<SigmaRuleIr> toIrs(List<Document> rules, List<Document> filters, Diagnostics diags) {
        List<SigmaRuleIr> irs = new ArrayList<>();
        for (Document d : rules) {
            try {
                irs.add(toIr(d.doc(), filters, diags));
            } catch (SigmaException e) {
                diags.addAll(e.toDiagnostics());
            }
        }
        return irs;
    }

    private static void classify(YNode n, String file, List<Document> rules, List<Document> filters,
                                 List<Document> correlations, Diagnostics diags) {
        if (!(n instanceof YNode.YMap m)) {
            diags.error("sigma.invalid-document", n.pos(), "a Sigma document must be a mapping, not " + n.kindName(), "");
            return;
        }
        if (m.get("action").isPresent()) {
            diags.error("sigma.collection-action", m.get("action").get().pos(), "Sigma v1 rule collections"
                    + " (action: global/reset/repeat) are not supported", "write each rule as a complete document");
        } else if (m.get("correlation").isPresent()) {
            correlations.add(new Document(m, file));
        } else if (m.get("filter").isPresent()) {
            filters.add(new Document(m, file));
        } else if (m.get("detection").isPresent()) {
            rules.add(new Document(m, file));
        } else {
            diags.error("sigma.invalid-document", m.pos(), "document is neither a rule (detection), a correlation"
                    + " (correlation) nor a filter (filter)", "");
        }
    }

    /** One detection rule → IR, with its pipeline's conditions and the meta filters that apply to it. */
    private SigmaRuleIr toIr(YNode.YMap doc, List<Document> filters, Diagnostics diags) throws SigmaException {
        Optional<String> id = Docs.optString(doc, "id");
        if (id.isPresent()) {
            return toIr(doc, id.get(), filters, diags);
        }
        // The detection is still compiled, so that its problems are reported along with the missing id.
        SigmaException missing = new SigmaException("sigma.missing-id", doc.pos(),
                "the rule has no [id]; it becomes the Kibana rule_id", "add id: <a UUID>");
        try {
            toIr(doc, "", filters, diags);
        } catch (SigmaException e) {
            throw SigmaException.of(List.of(missing, e));
        }
        throw missing;
    }

    private SigmaRuleIr toIr(YNode.YMap doc, String id, List<Document> filters, Diagnostics diags)
            throws SigmaException {
        String title = Docs.string(doc, "title");
        Map<String, String> logsource = Docs.logsource(doc);
        List<Pipeline> candidates = pipelines.candidates(logsource);
        if (candidates.isEmpty()) {
            if (!pipelines.all().isEmpty()) {
                diags.warning("pipeline.none", Docs.posOf(doc, "logsource"), "no pipeline applies to logsource "
                        + logsource + "; field names are kept as written and no index is set",
                        "pass a pipeline file with --pipeline");
            }
            return toIr(doc, id, title, logsource, Optional.empty(), filters, diags);
        }
        // The first candidate that maps every field wins; its own warnings are the only ones kept.
        SigmaException first = null;
        Diagnostics firstDiags = new Diagnostics();
        for (Pipeline p : candidates) {
            Diagnostics attempt = new Diagnostics();
            try {
                SigmaRuleIr ir = toIr(doc, id, title, logsource, Optional.of(p), filters, attempt);
                if (first != null) {
                    diags.warning("pipeline.alternative", Docs.posOf(doc, "logsource"), "pipeline ["
                            + candidates.get(0).name() + "] cannot map this rule (" + first.getMessage()
                            + "); compiled with its alternative [" + p.name() + "], index "
                            + String.join(", ", p.indices()), "the rule searches the data source that records"
                            + " its fields; pass --pipeline to choose another");
                }
                diags.addAll(attempt.all());
                return ir;
            } catch (SigmaException e) {
                if (!e.isMappingGap()) {
                    // this candidate maps the fields it reached, so its other error is the rule's real problem
                    diags.addAll(attempt.all());
                    throw e;
                }
                if (first == null) {
                    first = e;
                    firstDiags = attempt;
                }
            }
        }
        diags.addAll(firstDiags.all());
        if (candidates.size() == 1) {
            throw first;
        }
        throw first.withMessage(first.getMessage() + "; its alternative"
                + (candidates.size() > 2 ? "s " : " ") + candidates.subList(1, candidates.size()).stream()
                .map(p -> "[" + p.name() + "]").collect(java.util.stream.Collectors.joining(", "))
                + " cannot map the rule either");
    }

    private SigmaRuleIr toIr(YNode.YMap doc, String id, String title, Map<String, String> logsource,
                             Optional<Pipeline> pipeline, List<Document> filters, Diagnostics diags)
            throws SigmaException {
        Expr detection = detection(Docs.map(doc, "detection"), pipeline, diags);
        Optional<String> name = Docs.optString(doc, "name");
        for (Document f : filters) {
            Optional<Expr> fe = filterFor(f.doc(), id, name, logsource, pipeline, diags);
            if (fe.isPresent()) {
                detection = Expr.and(detection, fe.get());
            }
        }
        if (pipeline.isPresent() && pipeline.get().conditionExpr().isPresent()) {
            detection = Expr.and(pipeline.get().conditionExpr().get(), detection);
        }
        return new SigmaRuleIr(id, name, title, logsource, Simplifier.simplify(detection), pipeline, doc, doc.pos());
    }

    private Expr detection(YNode.YMap detection, Optional<Pipeline> pipeline, Diagnostics diags)
            throws SigmaException {
        FieldMapping mapping = pipeline.map(Pipeline::fieldMapping).orElse(FieldMapping.identity());
        return new DetectionCompiler(new DetectionItemCompiler(mapping, placeholders, diags)).compile(detection);
    }

    /**
     * A meta filter's condition for a rule it applies to: the rule is named in {@code filter.rules} (by id or name;
     * every rule when absent) and the filter's logsource keys all match the rule's.
     */
    private Optional<Expr> filterFor(YNode.YMap filterDoc, String id, Optional<String> name,
                                     Map<String, String> logsource, Optional<Pipeline> pipeline, Diagnostics diags)
            throws SigmaException {
        YNode.YMap filter = Docs.map(filterDoc, "filter");
        List<String> targets = Docs.strings(filter, "rules");
        boolean named = targets.isEmpty() || targets.contains(id) || name.map(targets::contains).orElse(false);
        Map<String, String> fls = Docs.logsource(filterDoc);
        for (Map.Entry<String, String> e : fls.entrySet()) {
            if (!e.getValue().equalsIgnoreCase(logsource.getOrDefault(e.getKey(), ""))) {
                return Optional.empty();
            }
        }
        if (!named) {
            return Optional.empty();
        }
        Map<String, YNode.Entry> rest = new LinkedHashMap<>(filter.entries());
        rest.remove("rules");
        return Optional.of(detection(new YNode.YMap(rest, filter.pos()), pipeline, diags));
    }

    private Optional<LoadedRule> render(SigmaRuleIr r, Renderer renderer, Diagnostics diags) throws SigmaException {
        List<String> indices = r.pipeline().map(Pipeline::indices).orElse(List.of());
        SourcePos detPos = Docs.posOf(r.document(), "detection");
        RenderContext ctx = new RenderContext(detPos, r.title(), indices,
                r.pipeline().map(Pipeline::fieldTypes).orElse(FieldTypes.unknown()));
        Optional<RenderedQuery> text = renderer.renderWithFilters(r.detection(), ctx, diags);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Detection det = renderer.target() == Target.ESQL ? new Detection.Esql(text.get().query())
                : new Detection.Query(renderer.target() == Target.KQL ? QueryLanguage.KUERY : QueryLanguage.LUCENE,
                text.get().query(), DslFilters.scope(indices, text.get()), Optional.empty());
        Rule rule = assembler.assemble(r.document(), r.id(), r.title(), det, Schedule.defaults(), diags);
        return Optional.of(new LoadedRule(rule, LoadedRule.SourceFormat.SIGMA, r.origin(), positions(r.document())));
    }

    static Map<String, SourcePos> positions(YNode.YMap doc) {
        Map<String, SourcePos> pos = new LinkedHashMap<>();
        putPos(pos, doc, "id", "rule.rule_id");
        putPos(pos, doc, "title", "rule.name");
        putPos(pos, doc, "description", "rule.description");
        putPos(pos, doc, "level", "rule.severity");
        putPos(pos, doc, "detection", "rule.query");
        putPos(pos, doc, "correlation", "rule.query");
        putPos(pos, doc, "tags", "rule.threat");
        return pos;
    }

    private static void putPos(Map<String, SourcePos> pos, YNode.YMap doc, String key, String path) {
        doc.get(key).ifPresent(n -> pos.put(path, n.pos()));
    }
}
