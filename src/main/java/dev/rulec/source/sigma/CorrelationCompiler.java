package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.model.About;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.Rule;
import dev.rulec.model.Schedule;
import dev.rulec.model.Scope;
import dev.rulec.model.ThresholdSpec;
import dev.rulec.pipeline.FieldMapping;
import dev.rulec.pipeline.Pipeline;
import dev.rulec.source.sigma.yaml.YNode;
import dev.rulec.target.FieldTypes;
import dev.rulec.target.RenderContext;
import dev.rulec.target.RenderedQuery;
import dev.rulec.target.Renderer;
import dev.rulec.target.Target;
import dev.rulec.target.esql.EsqlQuoting;
import dev.rulec.target.esql.EsqlRenderer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sigma correlation rules → Kibana rules.
 *
 * <p>Window semantics: the rule runs every {@code timespan} and looks back {@code timespan}
 * ({@code interval = timespan}, {@code from = now-timespan}), so windows are consecutive and follow the schedule,
 * not sliding: events of one burst that straddle two runs are counted in two windows. This is stated in each
 * rule's note.
 *
 * <ul>
 *   <li>{@code event_count}: KQL/Lucene → a threshold rule (group-by fields, count ≥ N); ES|QL →
 *       {@code STATS COUNT(*) BY …} and a {@code WHERE} on the count.</li>
 *   <li>{@code value_count}: KQL/Lucene → a threshold rule with cardinality; ES|QL → {@code COUNT_DISTINCT}.</li>
 *   <li>{@code value_sum}, {@code value_avg}, {@code value_percentile}: ES|QL only ({@code SUM}, {@code AVG},
 *       {@code PERCENTILE}).</li>
 *   <li>{@code temporal}: ES|QL only: a 0/1 flag per rule, its MAX per group, and the number of rules matched
 *       compared with the condition (all rules by default).</li>
 *   <li>{@code temporal_ordered}: ES|QL only, two rules: the first rule's earliest event precedes the second's
 *       latest (exactly "some first event before some second event"); longer chains are errors.</li>
 * </ul>
 * Conditions Kibana's threshold cannot state (an upper bound, equality) are errors for KQL/Lucene.
 */
final class CorrelationCompiler {

    private static final java.util.regex.Pattern TIMESPAN = java.util.regex.Pattern.compile("([1-9][0-9]*)([smhd])");
    private static final Set<String> OPS = Set.of("gt", "gte", "lt", "lte", "eq");

    private final Renderer renderer;
    private final RuleAssembler assembler;
    private final Diagnostics diags;

    CorrelationCompiler(Renderer renderer, RuleAssembler assembler, Diagnostics diags) {
        this.renderer = renderer;
        this.assembler = assembler;
        this.diags = diags;
    }

    Optional<SigmaFrontEnd.Correlation> compile(YNode.YMap doc, List<SigmaRuleIr> rules) throws SigmaException {
        String id = Docs.optString(doc, "id").orElseThrow(() -> new SigmaException("sigma.missing-id", doc.pos(),
                "the correlation has no [id]; it becomes the Kibana rule_id", "add id: <a UUID>"));
        String title = Docs.string(doc, "title");
        YNode.YMap c = Docs.map(doc, "correlation");
        String type = Docs.string(c, "type");
        SourcePos typePos = Docs.posOf(c, "type");
        if (c.get("aliases").isPresent()) {
            throw new SigmaException("sigma.correlation-unsupported", Docs.posOf(c, "aliases"),
                    "correlation [aliases] are not supported yet", "use the same field name in every rule");
        }
        List<SigmaRuleIr> refs = referenced(c, rules);
        String timespan = Docs.string(c, "timespan");
        if (!TIMESPAN.matcher(timespan).matches()) {
            throw new SigmaException("sigma.invalid-timespan", Docs.posOf(c, "timespan"), "timespan [" + timespan
                    + "] is not a number followed by s, m, h or d");
        }
        List<String> groupBy = mapFields(Docs.strings(c, "group-by"), refs, Docs.posOf(c, "group-by"));
        Map<String, BigDecimal> cond = new LinkedHashMap<>();
        Optional<String> valueField = Optional.empty();
        Optional<BigDecimal> percentile = Optional.empty();
        YNode.YMap condMap = c.get("condition").isPresent() || !type.startsWith("temporal")
                ? Docs.map(c, "condition") : new YNode.YMap(Map.of(), c.pos());
        for (YNode.Entry e : condMap.list()) {
            if (e.key().equals("field")) {
                valueField = Optional.of(mapFields(List.of(scalar(e.value())), refs, e.value().pos()).get(0));
            } else if (e.key().equals("percentile")) {
                percentile = Optional.of(number(e.value()));
            } else if (OPS.contains(e.key())) {
                cond.put(e.key(), number(e.value()));
            } else {
                throw new SigmaException("sigma.invalid-correlation", e.keyPos(), "unknown condition key [" + e.key()
                        + "]", "use gt, gte, lt, lte, eq and, for value correlations, field");
            }
        }
        if (cond.isEmpty() && !type.startsWith("temporal")) {
            throw new SigmaException("sigma.invalid-correlation", condMap.pos(), "the correlation condition has no"
                    + " comparison", "add e.g. gte: 10");
        }
        Expr where = Expr.anyOf(refs.stream().map(SigmaRuleIr::detection).toList());
        List<String> indices = new ArrayList<>(new LinkedHashSet<>(refs.stream()
                .flatMap(r -> r.pipeline().map(Pipeline::indices).orElse(List.of()).stream()).toList()));
        FieldTypes types = refs.get(0).pipeline().map(Pipeline::fieldTypes).orElse(FieldTypes.unknown());
        RenderContext ctx = new RenderContext(Docs.posOf(doc, "correlation"), title, indices, types);
        Schedule schedule = new Schedule(Optional.of(timespan), Optional.of("now-" + timespan), Optional.empty(),
                java.util.OptionalLong.empty());
        boolean temporal = type.equals("temporal") || type.equals("temporal_ordered");
        if (!List.of("event_count", "value_count", "value_sum", "value_avg", "value_percentile", "temporal",
                "temporal_ordered").contains(type)) {
            throw new SigmaException("sigma.invalid-correlation", typePos, "unknown correlation type [" + type
                    + "]", "use event_count, value_count, value_sum, value_avg, value_percentile, temporal or"
                    + " temporal_ordered");
        }
        if (!temporal && !type.equals("event_count") && valueField.isEmpty()) {
            throw new SigmaException("sigma.invalid-correlation", condMap.pos(), type
                    + " needs the field whose values it aggregates", "add field: <name> to the condition");
        }
        diags.warning("sigma.static-window", typePos, "correlation [" + title + "] is evaluated over windows of "
                + timespan + " that follow the rule schedule and do not slide; events straddling two runs are not"
                + " correlated", "");
        Optional<Detection> d;
        if (renderer.target() == Target.ESQL) {
            d = esql(type, refs, where, ctx, groupBy, valueField, percentile, cond, typePos);
        } else if (temporal) {
            throw new SigmaException("sigma.correlation-unsupported", typePos, "correlation type [" + type
                    + "] needs per-group aggregation over several rules, which " + renderer.target().cliName()
                    + " rules cannot express", "compile it with --target esql");
        } else {
            d = threshold(type, where, ctx, groupBy, valueField, cond, typePos, condMap.pos());
        }
        if (d.isEmpty()) {
            return Optional.empty();
        }
        Detection det = d.get();
        Rule rule = assembler.assemble(doc, id, title, det, schedule, diags);
        About a = rule.about();
        String note = "Correlation window: the rule runs every " + timespan + " and evaluates the events of the last "
                + timespan + "; windows follow the schedule and do not slide, so events straddling two runs fall"
                + " into different windows.";
        About withNote = new About(a.author(), a.license(), a.references(), a.falsePositives(), a.tags(),
                Optional.of(note), a.setup(), a.threat(), a.version(), a.investigationFields(),
                a.relatedIntegrations(), a.requiredFields(), a.timelineId(), a.timelineTitle(), a.meta());
        return Optional.of(new SigmaFrontEnd.Correlation(new LoadedRule(rule.withAbout(withNote),
                LoadedRule.SourceFormat.SIGMA, doc.pos(), SigmaFrontEnd.positions(doc)), where));
    }

    private Optional<Detection> threshold(String type, Expr where, RenderContext ctx, List<String> groupBy,
                                          Optional<String> valueField, Map<String, BigDecimal> cond,
                                          SourcePos typePos, SourcePos condPos) throws SigmaException {
        if (!type.equals("event_count") && !type.equals("value_count")) {
            throw new SigmaException("sigma.correlation-unsupported", typePos, "correlation type [" + type
                    + "] has no Kibana threshold equivalent", "compile it with --target esql");
        }
        if (cond.size() != 1 || !(cond.containsKey("gte") || cond.containsKey("gt"))) {
            throw new SigmaException("sigma.correlation-unsupported", condPos, "a Kibana threshold rule can only"
                    + " state a lower bound (gte or gt)", "compile it with --target esql");
        }
        BigDecimal n = cond.containsKey("gte") ? cond.get("gte") : cond.get("gt").add(BigDecimal.ONE);
        long bound;
        try {
            bound = n.longValueExact();
        } catch (ArithmeticException e) {
            throw new SigmaException("sigma.invalid-correlation", condPos, "a count bound must be a whole number");
        }
        Optional<RenderedQuery> text = renderer.renderWithFilters(where, ctx, diags);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        QueryLanguage lang = renderer.target() == Target.KQL ? QueryLanguage.KUERY : QueryLanguage.LUCENE;
        ThresholdSpec spec = type.equals("event_count")
                ? new ThresholdSpec(groupBy, bound, List.of())
                : new ThresholdSpec(groupBy, 1, List.of(new ThresholdSpec.Cardinality(valueField.get(), bound)));
        return Optional.of(new Detection.Threshold(lang, text.get().query(), DslFilters.scope(ctx.indices(), text.get()),
                spec, Optional.empty()));
    }

    /**
     * The ES|QL form: the referenced rules' OR as the WHERE of the renderer's query, then an aggregation per group.
     * Per-rule conditions (temporal types) come from {@link EsqlRenderer#condition}, so quoting stays in one place.
     */
    private Optional<Detection> esql(String type, List<SigmaRuleIr> refs, Expr where, RenderContext ctx,
                                     List<String> groupBy, Optional<String> valueField,
                                     Optional<BigDecimal> percentile, Map<String, BigDecimal> cond, SourcePos typePos)
            throws SigmaException {
        if (!(renderer instanceof EsqlRenderer esql)) {
            throw new SigmaException("sigma.correlation-unsupported", typePos, "ES|QL correlations need rulec's ES|QL"
                    + " renderer");
        }
        String name;
        List<String> evals = new ArrayList<>();
        List<String> aggs = new ArrayList<>();
        switch (type) {
            case "event_count":
                name = "event_count";
                aggs.add(name + " = COUNT(*)");
                break;
            case "value_count":
                name = "value_count";
                aggs.add(name + " = COUNT_DISTINCT(" + EsqlQuoting.identifier(valueField.get()) + ")");
                diags.warning("sigma.approximate", typePos, "ES|QL COUNT_DISTINCT is exact up to 3000 distinct values"
                        + " and approximate above", "");
                break;
            case "value_sum":
                name = "value_sum";
                aggs.add(name + " = SUM(" + EsqlQuoting.identifier(valueField.get()) + ")");
                break;
            case "value_avg":
                name = "value_avg";
                aggs.add(name + " = AVG(" + EsqlQuoting.identifier(valueField.get()) + ")");
                break;
            case "value_percentile":
                name = "value_percentile";
                BigDecimal p = percentile.orElseThrow(() -> new SigmaException("sigma.invalid-correlation", typePos,
                        "value_percentile needs percentile: <0-100> in its condition"));
                aggs.add(name + " = PERCENTILE(" + EsqlQuoting.identifier(valueField.get()) + ", "
                        + p.toPlainString() + ")");
                diags.warning("sigma.approximate", typePos, "ES|QL PERCENTILE is approximate (TDigest)", "");
                break;
            case "temporal":
                name = "rules_matched";
                List<String> sum = new ArrayList<>();
                for (int i = 0; i < refs.size(); i++) {
                    Optional<String> c = esql.condition(refs.get(i).detection(), ctx, diags);
                    if (c.isEmpty()) {
                        return Optional.empty();
                    }
                    evals.add("rule_" + i + " = CASE(" + c.get() + ", 1, 0)");
                    aggs.add("rule_" + i + " = MAX(rule_" + i + ")");
                    sum.add("rule_" + i);
                }
                // The condition counts the different rules that matched in a group; by default all of them.
                Map<String, BigDecimal> counted = cond.isEmpty()
                        ? Map.of("gte", BigDecimal.valueOf(refs.size())) : cond;
                return Optional.of(new Detection.Esql(assemble(esql, where, ctx, evals, aggs, groupBy,
                        "\n| EVAL " + name + " = " + String.join(" + ", sum), name, counted)));
            default: // temporal_ordered
                if (refs.size() != 2) {
                    throw new SigmaException("sigma.correlation-unsupported", typePos, "temporal_ordered over "
                            + refs.size() + " rules needs a chain of events in order, which ES|QL aggregations cannot"
                            + " test; two rules can be compiled", "split it into a chain, or write an EQL sequence");
                }
                if (!cond.isEmpty() && !(cond.size() == 1 && cond.containsKey("gte")
                        && cond.get("gte").compareTo(BigDecimal.valueOf(2)) == 0)) {
                    throw new SigmaException("sigma.correlation-unsupported", typePos, "temporal_ordered can only"
                            + " require both rules in order", "drop the condition");
                }
                Optional<String> first = esql.condition(refs.get(0).detection(), ctx, diags);
                Optional<String> second = esql.condition(refs.get(1).detection(), ctx, diags);
                if (first.isEmpty() || second.isEmpty()) {
                    return Optional.empty();
                }
                // Some event of the first rule precedes some event of the second iff the first's earliest
                // timestamp is before the second's latest.
                evals.add("first_time = CASE(" + first.get() + ", @timestamp, NULL)");
                evals.add("second_time = CASE(" + second.get() + ", @timestamp, NULL)");
                aggs.add("first_time = MIN(first_time)");
                aggs.add("second_time = MAX(second_time)");
                return Optional.of(new Detection.Esql(assemble(esql, where, ctx, evals, aggs, groupBy, "",
                        "first_time < second_time", Map.of())));
        }
        return Optional.of(new Detection.Esql(assemble(esql, where, ctx, evals, aggs, groupBy, "", name, cond)));
    }

    private String assemble(EsqlRenderer esql, Expr where, RenderContext ctx, List<String> evals, List<String> aggs,
                            List<String> groupBy, String afterStats, String subject, Map<String, BigDecimal> cond)
            throws SigmaException {
        Optional<String> base = esql.render(where, ctx, diags);
        if (base.isEmpty()) {
            throw new SigmaException("sigma.correlation-unrenderable", ctx.pos(), "the referenced rules could not be"
                    + " rendered to ES|QL (see the errors above)");
        }
        StringBuilder q = new StringBuilder(base.get());
        if (!evals.isEmpty()) {
            q.append("\n| EVAL ").append(String.join(", ", evals));
        }
        q.append("\n| STATS ").append(String.join(", ", aggs));
        if (!groupBy.isEmpty()) {
            q.append(" BY ").append(String.join(", ", groupBy.stream().map(EsqlQuoting::identifier).toList()));
        }
        q.append(afterStats);
        List<String> tests = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : cond.entrySet()) {
            String op = switch (e.getKey()) {
                case "gt" -> ">";
                case "gte" -> ">=";
                case "lt" -> "<";
                case "lte" -> "<=";
                default -> "==";
            };
            tests.add(subject + " " + op + " " + e.getValue().toPlainString());
        }
        if (cond.isEmpty()) {
            tests.add(subject);
        }
        q.append("\n| WHERE ").append(String.join(" AND ", tests));
        return q.toString();
    }

    private static List<SigmaRuleIr> referenced(YNode.YMap c, List<SigmaRuleIr> rules) throws SigmaException {
        List<String> names = Docs.strings(c, "rules");
        SourcePos pos = Docs.posOf(c, "rules");
        if (names.isEmpty()) {
            throw new SigmaException("sigma.invalid-correlation", pos, "the correlation references no rules",
                    "add rules: [<rule id or name>]");
        }
        List<SigmaRuleIr> out = new ArrayList<>();
        for (String n : names) {
            out.add(rules.stream().filter(r -> r.isReferencedBy(n)).findFirst().orElseThrow(() ->
                    new SigmaException("sigma.unknown-rule", pos, "correlation references rule [" + n
                            + "], which is not among the compiled detection rules (chained correlations are not supported)",
                            "compile the file holding it too")));
        }
        return out;
    }

    /** A correlation field through the pipelines of the referenced rules; they must agree. */
    private List<String> mapFields(List<String> fields, List<SigmaRuleIr> refs, SourcePos pos) throws SigmaException {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            Set<String> targets = new LinkedHashSet<>();
            for (SigmaRuleIr r : refs) {
                List<FieldMapping.MappedField> m = r.pipeline().map(Pipeline::fieldMapping)
                        .orElse(FieldMapping.identity()).map(f, pos, diags);
                if (m.size() != 1) {
                    throw new SigmaException("pipeline.unmapped-field", pos, "correlation field [" + f
                            + "] must map to exactly one field for rule [" + r.id() + "]");
                }
                if (m.get(0).joined().isPresent() || !m.get(0).keyed().isEmpty()) {
                    throw new SigmaException("pipeline.unmapped-field", pos, "correlation field [" + f + "] is kept"
                            + " in several target fields by the pipeline of rule [" + r.id() + "], so it cannot be"
                            + " one correlation field", "correlate on a field the target keeps whole");
                }
                targets.add(m.get(0).name());
            }
            if (targets.size() != 1) {
                throw new SigmaException("sigma.invalid-correlation", pos, "correlation field [" + f
                        + "] maps to different fields in the referenced rules: " + targets, "");
            }
            out.add(targets.iterator().next());
        }
        return out;
    }

    private static String scalar(YNode n) throws SigmaException {
        if (n instanceof YNode.YScalar s) {
            return s.text();
        }
        throw new SigmaException("sigma.invalid-correlation", n.pos(), "expected a value, not " + n.kindName());
    }

    private static BigDecimal number(YNode n) throws SigmaException {
        try {
            return new BigDecimal(scalar(n));
        } catch (NumberFormatException e) {
            throw new SigmaException("sigma.invalid-correlation", n.pos(), "expected a number");
        }
    }
}
