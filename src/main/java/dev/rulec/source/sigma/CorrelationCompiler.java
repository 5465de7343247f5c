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
import dev.rulec.target.Renderer;
import dev.rulec.target.Target;

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
 *   <li>{@code temporal}, {@code temporal_ordered}: not yet compiled; an error says so.</li>
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

    Optional<LoadedRule> compile(YNode.YMap doc, List<SigmaRuleIr> rules) throws SigmaException {
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
        YNode.YMap condMap = Docs.map(c, "condition");
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
        if (cond.isEmpty()) {
            throw new SigmaException("sigma.invalid-correlation", condMap.pos(), "the correlation condition has no"
                    + " comparison", "add e.g. gte: 10");
        }
        Expr where = Expr.anyOf(refs.stream().map(SigmaRuleIr::detection).toList());
        List<String> indices = new ArrayList<>(new LinkedHashSet<>(refs.stream()
                .flatMap(r -> r.pipeline().map(Pipeline::indices).orElse(List.of()).stream()).toList()));
        RenderContext ctx = new RenderContext(Docs.posOf(doc, "correlation"), title, indices, FieldTypes.unknown());
        Schedule schedule = new Schedule(Optional.of(timespan), Optional.of("now-" + timespan), Optional.empty(),
                java.util.OptionalLong.empty());
        Detection det;
        switch (type) {
            case "event_count":
            case "value_count":
            case "value_sum":
            case "value_avg":
            case "value_percentile":
                if (!type.equals("event_count") && valueField.isEmpty()) {
                    throw new SigmaException("sigma.invalid-correlation", condMap.pos(), type
                            + " needs the field whose values it aggregates", "add field: <name> to the condition");
                }
                Optional<Detection> d = renderer.target() == Target.ESQL
                        ? esql(type, where, ctx, groupBy, valueField, percentile, cond, typePos)
                        : threshold(type, where, ctx, groupBy, valueField, cond, typePos, condMap.pos());
                if (d.isEmpty()) {
                    return Optional.empty();
                }
                det = d.get();
                break;
            case "temporal":
            case "temporal_ordered":
                throw new SigmaException("sigma.correlation-unsupported", typePos, "correlation type [" + type
                        + "] is not compiled yet", "use event_count or value_count, or write the rule in EQL");
            default:
                throw new SigmaException("sigma.invalid-correlation", typePos, "unknown correlation type [" + type
                        + "]", "use event_count, value_count, value_sum, value_avg, value_percentile, temporal or"
                        + " temporal_ordered");
        }
        Rule rule = assembler.assemble(doc, id, title, det, schedule, diags);
        About a = rule.about();
        String note = "Correlation window: the rule runs every " + timespan + " and evaluates the events of the last "
                + timespan + "; windows follow the schedule and do not slide, so events straddling two runs fall"
                + " into different windows.";
        About withNote = new About(a.author(), a.license(), a.references(), a.falsePositives(), a.tags(),
                Optional.of(note), a.setup(), a.threat(), a.version(), a.investigationFields(),
                a.relatedIntegrations(), a.requiredFields(), a.timelineId(), a.timelineTitle(), a.meta());
        return Optional.of(new LoadedRule(rule.withAbout(withNote), LoadedRule.SourceFormat.SIGMA, doc.pos(),
                SigmaFrontEnd.positions(doc)));
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
        Optional<String> text = renderer.render(where, ctx, diags);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        QueryLanguage lang = renderer.target() == Target.KQL ? QueryLanguage.KUERY : QueryLanguage.LUCENE;
        ThresholdSpec spec = type.equals("event_count")
                ? new ThresholdSpec(groupBy, bound, List.of())
                : new ThresholdSpec(groupBy, 1, List.of(new ThresholdSpec.Cardinality(valueField.get(), bound)));
        return Optional.of(new Detection.Threshold(lang, text.get(), Scope.of(ctx.indices()), spec, Optional.empty()));
    }

    private Optional<Detection> esql(String type, Expr where, RenderContext ctx, List<String> groupBy,
                                     Optional<String> valueField, Optional<BigDecimal> percentile,
                                     Map<String, BigDecimal> cond, SourcePos typePos) throws SigmaException {
        String agg;
        String name = type;
        switch (type) {
            case "event_count":
                agg = "COUNT(*)";
                break;
            case "value_count":
                agg = "COUNT_DISTINCT(" + EsqlNames.quote(valueField.get()) + ")";
                diags.warning("sigma.approximate", typePos, "ES|QL COUNT_DISTINCT is exact up to 3000 distinct values"
                        + " and approximate above", "");
                break;
            case "value_sum":
                agg = "SUM(" + EsqlNames.quote(valueField.get()) + ")";
                break;
            case "value_avg":
                agg = "AVG(" + EsqlNames.quote(valueField.get()) + ")";
                break;
            default:
                BigDecimal p = percentile.orElseThrow(() -> new SigmaException("sigma.invalid-correlation", typePos,
                        "value_percentile needs percentile: <0-100> in its condition"));
                agg = "PERCENTILE(" + EsqlNames.quote(valueField.get()) + ", " + p.toPlainString() + ")";
                diags.warning("sigma.approximate", typePos, "ES|QL PERCENTILE is approximate (TDigest)", "");
                break;
        }
        Optional<String> text = renderer.render(where, ctx, diags);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder q = new StringBuilder(text.get()).append("\n| STATS ").append(name).append(" = ").append(agg);
        if (!groupBy.isEmpty()) {
            q.append(" BY ").append(String.join(", ", groupBy.stream().map(EsqlNames::quote).toList()));
        }
        List<String> tests = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : cond.entrySet()) {
            String op = switch (e.getKey()) {
                case "gt" -> ">";
                case "gte" -> ">=";
                case "lt" -> "<";
                case "lte" -> "<=";
                default -> "==";
            };
            tests.add(name + " " + op + " " + e.getValue().toPlainString());
        }
        q.append("\n| WHERE ").append(String.join(" AND ", tests));
        return Optional.of(new Detection.Esql(q.toString()));
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
                            + "], which is not among the compiled rules", "compile the file holding it too")));
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
