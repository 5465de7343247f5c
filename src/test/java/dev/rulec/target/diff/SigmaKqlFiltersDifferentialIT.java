package dev.rulec.target.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.EventGenerator;
import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprRewriter;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Matcher;
import dev.rulec.ir.Pattern;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.target.RenderContext;
import dev.rulec.target.RenderedQuery;
import dev.rulec.target.dsl.DslRenderer;
import dev.rulec.target.kql.KqlFilterMode;
import dev.rulec.target.kql.KqlRenderer;
import dev.rulec.testsupport.es.EsNode;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KQL query rules with Query DSL filters on a real node: every SigmaHQ rule whose KQL needs filters (regexes, {@code ?}
 * wildcards) is compiled, events are generated from its IR (positives and near misses) and indexed, then
 * <ul>
 *   <li>each filter's DSL alone must select exactly what the in-process matcher selects for the conjunct it came from
 *       (Sigma's semantics, case-insensitivity included);</li>
 *   <li>the rule's effective search as the detection engine runs it, {@code bool.filter[query as DSL, filters…]}
 *       (the query translated as Kibana translates KQL: rulec's parser and {@link DslRenderer}, checked against
 *       Kibana's translation by {@code KqlDslDifferentialIT}; the node's own {@code kql} query mishandles escaped
 *       wildcards, see {@code EsKqlEscapeDefect}), must select exactly what the matcher selects for the query as
 *       rulec's KQL parser reads it ANDed with those conjuncts: the split keeps every conjunct and adds none.</li>
 * </ul>
 * The KQL part keeps KQL's case-sensitivity on keyword fields (warned as {@code kql.case-sensitive} at compile time):
 * a rule that does not select what the matcher selects on the Sigma tree itself must select what it selects on that
 * tree with the KQL conjuncts made case-sensitive.
 */
class SigmaKqlFiltersDifferentialIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "rulec-kql-filters-it";

    @Test
    void queryAndDslFiltersSelectWhatTheMatcherSelects() throws IOException {
        List<Path> files = SharedFiles.sigmaRules();
        EsNode es = EsNode.require();
        List<SigmaRuleIr> rules = new SigmaFrontEnd(PipelineSet.builtIns()).parse(files, new Diagnostics()).rules();
        KqlRenderer kql = new KqlRenderer(true, KqlFilterMode.DSL);
        Map<String, String> skipped = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        int filters = 0;
        int events = 0;
        int sigmaExact = 0;
        int emptyQuery = 0;
        for (SigmaRuleIr r : rules) {
            Expr e = r.detection();
            Map<String, String> types = TreeFieldTypes.of(e);
            RenderContext ctx = new RenderContext(SourcePos.startOf(r.origin().file()), r.title(), List.of(INDEX),
                    f -> Optional.ofNullable(types.get(f)));
            Diagnostics d = new Diagnostics();
            Optional<RenderedQuery> rendered = kql.renderWithFilters(e, ctx, d);
            if (rendered.isEmpty() || rendered.get().filters().isEmpty()) {
                continue;
            }
            if (TreeFieldTypes.conflict(types).isPresent()) {
                skipped.put(r.title(), "fields " + TreeFieldTypes.conflict(types).get() + " cannot both be mapped");
                continue;
            }
            RenderedQuery q = rendered.get();
            List<Expr> conjuncts = e instanceof Expr.And a ? a.terms() : List.of(e);
            List<Expr> inDsl = conjuncts.stream()
                    .filter(c -> new KqlRenderer().render(c, ctx, new Diagnostics()).isEmpty()).toList();
            assertEquals(inDsl.size(), q.filters().size(), r.title() + ": one filter per conjunct KQL cannot express");
            Expr kqlPart = q.query().isEmpty() ? new Expr.Const(true) : KqlParser.parse(q.query(), ctx.pos(),
                    ctx.fieldTypes(), types.keySet(), new Diagnostics()).orElseThrow(() ->
                    new AssertionError(r.title() + ": the query does not parse: " + q.query()));
            EventGenerator.Events ev;
            try {
                ev = EventGenerator.generate(e, r.id().hashCode(), 12);
            } catch (IllegalArgumentException ex) {
                skipped.put(r.title(), "generator: " + ex.getMessage());
                continue;
            }
            List<ObjectNode> docs = new ArrayList<>(ev.positives());
            docs.addAll(ev.negatives());
            es.createIndex(INDEX, types);
            Map<String, String> errors = es.bulk(INDEX, "d", docs);
            compared++;
            filters += q.filters().size();
            events += docs.size() - errors.size();
            emptyQuery += q.query().isEmpty() ? 1 : 0;

            for (int i = 0; i < inDsl.size(); i++) {
                Set<String> expected = matching(Matcher.compile(inDsl.get(i)), docs, errors);
                Hits got = search(es, q.filters().get(i).query(), errors);
                if (got.error().isPresent() || !expected.equals(got.ids())) {
                    disagreements.add(r.title() + " (" + r.origin().file() + ") filter " + i + "\n  matcher " + expected
                            + "\n  node    " + got.ids() + " " + got.error().orElse("") + "\n  DSL: "
                            + q.filters().get(i).query());
                }
            }
            ObjectNode effective = JSON.createObjectNode();
            ArrayNode all = effective.putObject("bool").putArray("filter");
            all.add(new DslRenderer().render(kqlPart, ctx, new Diagnostics()).orElseThrow());
            q.filters().forEach(f -> all.add(f.query()));
            List<Expr> parts = new ArrayList<>(List.of(kqlPart));
            parts.addAll(inDsl);
            Set<String> expected = matching(Matcher.compile(new Expr.And(parts)), docs, errors);
            Hits got = search(es, effective, errors);
            if (got.error().isPresent() || !expected.equals(got.ids())) {
                disagreements.add(r.title() + " (" + r.origin().file() + ") whole rule\n  matcher " + expected
                        + "\n  node    " + got.ids() + " " + got.error().orElse("") + "\n  KQL: " + q.query());
            }
            if (matching(Matcher.compile(e), docs, errors).equals(got.ids())) {
                sigmaExact++;
            } else {
                // Only KQL's case-sensitivity on keyword fields may separate the rule from the Sigma tree.
                List<Expr> cased = new ArrayList<>(conjuncts.stream().filter(c -> !inDsl.contains(c))
                        .map(c -> c.accept(new CaseSensitive())).toList());
                cased.addAll(inDsl);
                Expr model = cased.size() == 1 ? cased.get(0) : new Expr.And(cased);
                if (!matching(Matcher.compile(model), docs, errors).equals(got.ids())) {
                    disagreements.add(r.title() + " (" + r.origin().file() + ") differs from the Sigma tree beyond"
                            + " KQL's case-sensitivity\n  node    " + got.ids() + "\n  KQL: " + q.query());
                }
            }
        }
        es.deleteIndex(INDEX);
        System.out.printf("KQL + Query DSL filters: %d rules compared (%d with an empty query), %d filters, %d events,"
                + " %d disagreements; %d rules agree with the matcher on the Sigma tree itself (the rest differ by KQL's"
                + " case-sensitivity); %d skipped%n", compared, emptyQuery, filters, events, disagreements.size(),
                sigmaExact, skipped.size());
        skipped.forEach((k, v) -> System.out.println("  skipped: " + k + ": " + v));
        disagreements.forEach(s -> System.out.println("DISAGREE " + s));
        assertEquals(List.of(), disagreements);
        assertTrue(compared >= 90, "only " + compared + " rules compared");
    }

    @Test
    void exactCaseFoldingSelectsWhatTheMatcherSelectsWhereTheFlagWouldNot() {
        EsNode es = EsNode.require();
        List<String> values = List.of("KIT", "\u212Ait", "kit", "xKiTx", "über", "ÜBER", "uber", "Übersicht", "ü");
        List<ObjectNode> docs = values.stream().map(v -> JSON.createObjectNode().put("f", v)).toList();
        es.createIndex(INDEX, Map.of("f", "keyword"));
        Map<String, String> errors = es.bulk(INDEX, "d", docs);
        assertEquals(Map.of(), errors);
        RenderContext ctx = new RenderContext(SourcePos.startOf("t.yml"), "t", List.of(INDEX), f -> Optional.of("keyword"));
        List<Expr> exprs = List.of(
                new Expr.Match("f", Literal.string("kit"), CaseMode.INSENSITIVE),
                new Expr.Match("f", new Literal.Str(Pattern.of(Pattern.ANY_STRING, new Pattern.Text("kit"), Pattern.ANY_STRING)),
                        CaseMode.INSENSITIVE),
                new Expr.Match("f", new Literal.Str(Pattern.of(new Pattern.Text("über"), Pattern.ANY_STRING)), CaseMode.INSENSITIVE),
                new Expr.Match("f", new Literal.Str(Pattern.of(Pattern.ANY_CHAR)), CaseMode.INSENSITIVE),
                new Expr.Regex("f", "^Ü", Set.of(Expr.RegexFlag.IGNORE_CASE)));
        List<String> wrong = new ArrayList<>();
        int flagDiffers = 0;
        for (Expr e : exprs) {
            Set<String> expected = matching(Matcher.compile(e), docs, errors);
            Hits got = search(es, DslRenderer.exactCaseFolding().render(e, ctx, new Diagnostics()).orElseThrow(), errors);
            if (got.error().isPresent() || !expected.equals(got.ids())) {
                wrong.add(e + ": matcher " + expected + ", node " + got.ids() + " " + got.error().orElse(""));
            }
            Hits flag = search(es, new DslRenderer().render(e, ctx, new Diagnostics()).orElseThrow(), errors);
            flagDiffers += expected.equals(flag.ids()) ? 0 : 1;
        }
        es.deleteIndex(INDEX);
        assertEquals(List.of(), wrong);
        assertTrue(flagDiffers >= 2, "the case_insensitive flag alone should miss the Kelvin sign and Ü/ü");
    }

    /** The tree as KQL compares on keyword fields: every string match case-sensitive. */
    private static final class CaseSensitive extends ExprRewriter {
        @Override
        public Expr visitMatch(Expr.Match e) {
            return new Expr.Match(e.field(), e.value(), CaseMode.SENSITIVE);
        }

        @Override
        public Expr visitKeyword(Expr.Keyword e) {
            return new Expr.Keyword(e.value(), CaseMode.SENSITIVE);
        }
    }

    private static Set<String> matching(Matcher m, List<ObjectNode> docs, Map<String, String> errors) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < docs.size(); i++) {
            if (!errors.containsKey("d" + i) && m.matches(docs.get(i))) {
                out.add("d" + i);
            }
        }
        return out;
    }

    private record Hits(Set<String> ids, Optional<String> error) {
    }

    private static Hits search(EsNode es, JsonNode query, Map<String, String> errors) {
        EsNode.Hits h = es.search(INDEX, query);
        Set<String> ids = new TreeSet<>(h.ids());
        ids.removeAll(errors.keySet());
        return new Hits(ids, h.error());
    }
}
