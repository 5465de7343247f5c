package dev.rulec.target.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.EventGenerator;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Matcher;
import dev.rulec.ir.ExprFields;
import dev.rulec.lang.lucene.LuceneParser;
import dev.rulec.lang.lucene.LuceneQuery;
import dev.rulec.lang.lucene.LuceneToIr;
import dev.rulec.pipeline.Pipeline;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.target.FieldTypes;
import dev.rulec.target.lucene.FlattenedKeys;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.target.RenderContext;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.target.lucene.LuceneRenderer;
import dev.rulec.testsupport.es.EsNode;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Differential test on a real Elasticsearch node: every SigmaHQ AWS rule and every 12th other corpus rule is
 * compiled (built-in pipelines), events are generated from its IR (positives and near misses), indexed with a
 * mapping for its fields, and the ES|QL query, the Lucene query and the in-process matcher must select the same
 * events. Keys of a {@code flattened} field (the AWS pipeline's request and response objects) are indexed under a
 * {@code flattened} mapping, so ES|QL's {@code QSTR} and Lucene run on the real field type. Rules a target cannot express, or whose fields no index can map, are counted and listed, not compared.
 */
class SigmaDifferentialIT {
    private static final int OTHER_STRIDE = 12;

    @Test
    void esqlLuceneAndMatcherAgreeOnGeneratedEvents() throws IOException {
        Path root = SharedFiles.require("corpus/sigma/rules");
        EsNode es = EsNode.require();
        List<Path> files = selection(root);
        Diagnostics parseDiags = new Diagnostics();
        List<SigmaRuleIr> rules = new SigmaFrontEnd(PipelineSet.builtIns()).parse(files, parseDiags).rules();

        Map<String, String> skipped = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        int luceneInProcess = 0;
        int luceneRefused = 0;
        int flattenedRules = 0;
        int aws = 0;
        int events = 0;
        int indexErrors = 0;
        int positives = 0;
        int noPositives = 0;
        List<String> esqlOnly = new ArrayList<>();
        String index = "rulec-diff-it";
        for (SigmaRuleIr r : rules) {
            Expr e = r.detection();
            FieldTypes pipelineTypes = r.pipeline().map(Pipeline::fieldTypes).orElse(FieldTypes.unknown());
            Map<String, String> types = TreeFieldTypes.withFlattened(TreeFieldTypes.of(e), r.pipeline().map(Pipeline::types).orElse(Map.of()));
            Optional<String> conflict = TreeFieldTypes.conflict(types);
            if (conflict.isPresent()) {
                skipped.put(r.title(), "fields " + conflict.get() + " cannot both be mapped");
                continue;
            }
            RenderContext ctx = new RenderContext(SourcePos.startOf(r.origin().file()), r.title(), List.of(index),
                    f -> pipelineTypes.typeOf(f).filter("flattened"::equals).or(() -> Optional.ofNullable(types.get(f))));
            if (ExprFields.of(e).stream().anyMatch(f -> FlattenedKeys.isKey(ctx.fieldTypes(), f))) {
                flattenedRules++;
            }
            Diagnostics d = new Diagnostics();
            Optional<String> esql = new EsqlRenderer().render(e, ctx, d);
            Optional<String> lucene = new LuceneRenderer().render(e, ctx, d);
            if (esql.isEmpty()) {
                skipped.put(r.title(), d.all().get(0).message());
                continue;
            }
            if (lucene.isEmpty()) {
                esqlOnly.add(r.title() + ": " + d.all().get(0).message());
            }
            EventGenerator.Events ev;
            try {
                ev = EventGenerator.generate(e, r.id().hashCode(), 12);
            } catch (IllegalArgumentException ex) {
                skipped.put(r.title(), "matcher: " + ex.getMessage());
                continue;
            }
            List<ObjectNode> docs = new ArrayList<>(ev.positives());
            docs.addAll(ev.negatives());
            es.createIndex(index, types);
            Map<String, String> errors = es.bulk(index, "d", docs);
            indexErrors += errors.size();
            Matcher m = Matcher.compile(e);
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < docs.size(); i++) {
                if (!errors.containsKey("d" + i) && m.matches(docs.get(i))) {
                    expected.add("d" + i);
                }
            }
            EsNode.Hits eh = es.esql(esql.get() + "\n| KEEP _id | LIMIT 10000");
            EsNode.Hits lh = lucene.isPresent() ? es.queryString(index, lucene.get()) : new EsNode.Hits(expected, Optional.empty());
            Set<String> esqlIds = new TreeSet<>(eh.ids());
            Set<String> luceneIds = new TreeSet<>(lh.ids());
            errors.keySet().forEach(k -> {
                esqlIds.remove(k);
                luceneIds.remove(k);
            });
            // rulec test's reading of the same Lucene query: rulec's grammar, the IR where exact, the matcher
            if (lucene.isPresent()) {
                Optional<Set<String>> inProcess = inProcessLucene(lucene.get(), ctx, docs, errors.keySet());
                if (inProcess.isEmpty()) {
                    luceneRefused++;
                } else {
                    luceneInProcess++;
                    if (!inProcess.get().equals(luceneIds)) {
                        disagreements.add(r.title() + " (" + r.origin().file() + ")\n  lucene on the node " + luceneIds
                                + "\n  lucene in process  " + inProcess.get() + "\n  Lucene: " + lucene.get());
                    }
                }
            }
            compared++;
            positives += ev.positives().size();
            if (ev.positives().isEmpty()) {
                noPositives++;
                System.out.println("  no positive event generated: " + r.title());
            }
            events += docs.size() - errors.size();
            if (r.origin().file().contains("/cloud/aws/")) {
                aws++;
            }
            if (eh.error().isPresent() || lh.error().isPresent() || !expected.equals(esqlIds) || !expected.equals(luceneIds)) {
                disagreements.add(r.title() + " (" + r.origin().file() + ")\n  matcher " + expected
                        + "\n  esql    " + esqlIds + " " + eh.error().orElse("") + "\n  lucene  " + luceneIds + " "
                        + lh.error().orElse("") + "\n  ES|QL: " + esql.get().replace("\n", " ") + "\n  Lucene: " + lucene.orElse("-")
                        + "\n  docs: " + diffDocs(docs, expected, esqlIds, luceneIds));
            }
        }
        es.deleteIndex(index);
        System.out.printf("differential: %d rules on keys of flattened fields rendered%n", flattenedRules);
        System.out.printf("differential: %d rules compared (%d AWS; %d by ES|QL and matcher only), %d events"
                + " (%d positive; %d rules without a positive), %d not indexable, %d disagreements; %d rules skipped,"
                + " %d parse diagnostics%n", compared, aws, esqlOnly.size(), events, positives, noPositives, indexErrors,
                disagreements.size(), skipped.size(), parseDiags.all().size());
        System.out.printf("differential: Lucene in process (rulec's grammar → IR → matcher): %d rules compared with the"
                + " node, %d refused (meaning depends on analysis or the mapping)%n", luceneInProcess, luceneRefused);
        esqlOnly.forEach(s -> System.out.println("  ES|QL only: " + s));
        skipped.forEach((k, v) -> System.out.println("  skipped: " + k + ": " + v));
        disagreements.forEach(s -> System.out.println("DISAGREE " + s));
        assertEquals(List.of(), disagreements);
    }

    /** The ids the Lucene query selects when read as the IR, as {@code rulec test} does; empty when it refuses. */
    private static Optional<Set<String>> inProcessLucene(String lucene, RenderContext ctx, List<ObjectNode> docs,
                                                         Set<String> notIndexed) {
        LuceneQuery.Bool q = LuceneParser.parse(lucene, ctx.pos(), new Diagnostics())
                .orElseThrow(() -> new AssertionError("rulec's Lucene output does not parse: " + lucene));
        Matcher m;
        try {
            m = Matcher.compile(LuceneToIr.convert(q, ctx.fieldTypes()));
        } catch (LuceneToIr.Refused e) {
            return Optional.empty();
        }
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < docs.size(); i++) {
            if (!notIndexed.contains("d" + i) && m.matches(docs.get(i))) {
                ids.add("d" + i);
            }
        }
        return Optional.of(ids);
    }

    private static String diffDocs(List<ObjectNode> docs, Set<String> a, Set<String> b, Set<String> c) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            String id = "d" + i;
            if (a.contains(id) != b.contains(id) || a.contains(id) != c.contains(id)) {
                sb.append("\n    ").append(id).append(' ').append(docs.get(i));
            }
        }
        return sb.toString();
    }

    static List<Path> selection(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
            int i = 0;
            for (Path p : all) {
                if (p.toString().contains("/cloud/aws/") || i++ % OTHER_STRIDE == 0) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
