package dev.rulec.target.diff;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.target.FieldTypes;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every SigmaHQ corpus rule that compiles to ES|QL or Lucene (built-in pipelines, field types unknown, as the CLI
 * renders) is accepted by a real node — no parsing or verification error — against an index mapping each of its fields as
 * keyword. Rules whose fields clash (a field that is also another's parent) go to separate indices.
 */
class CorpusAcceptanceIT {

    @Test
    void everyCompiledQueryIsAcceptedByTheNode() throws IOException {
        Path root = SharedFiles.require("corpus/sigma/rules");
        EsNode es = EsNode.require();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        Diagnostics parseDiags = new Diagnostics();
        List<SigmaRuleIr> rules = new SigmaFrontEnd(PipelineSet.builtIns()).parse(files, parseDiags).rules();

        List<Map<String, String>> buckets = new ArrayList<>();
        Map<SigmaRuleIr, Integer> bucketOf = new LinkedHashMap<>();
        Map<SigmaRuleIr, String> queries = new LinkedHashMap<>();
        Map<SigmaRuleIr, String> luceneQueries = new LinkedHashMap<>();
        Map<String, Integer> luceneFailures = new TreeMap<>();
        Map<String, Integer> renderFailures = new TreeMap<>();
        for (SigmaRuleIr r : rules) {
            Map<String, String> fields = TreeFieldTypes.of(r.detection());
            int b = 0;
            while (b < buckets.size() && clashes(buckets.get(b), fields)) {
                b++;
            }
            if (b == buckets.size()) {
                buckets.add(new HashMap<>());
            }
            int bucket = b;
            fields.keySet().forEach(f -> buckets.get(bucket).put(f, "keyword"));
            RenderContext ctx = new RenderContext(SourcePos.startOf(r.origin().file()), r.title(),
                    List.of("rulec-accept-" + bucket), FieldTypes.unknown());
            Diagnostics ld = new Diagnostics();
            Optional<String> lq = new LuceneRenderer().render(r.detection(), ctx, ld);
            if (lq.isPresent()) {
                luceneQueries.put(r, lq.get());
                bucketOf.put(r, bucket);
            } else {
                ld.all().stream().filter(Diagnostic::isError).forEach(x -> luceneFailures.merge(reason(x.message()), 1, Integer::sum));
            }
            Diagnostics d = new Diagnostics();
            Optional<String> q = new EsqlRenderer().render(r.detection(), ctx, d);
            if (q.isEmpty()) {
                d.all().stream().filter(Diagnostic::isError).forEach(x -> renderFailures.merge(reason(x.message()), 1, Integer::sum));
                continue;
            }
            bucketOf.put(r, bucket);
            queries.put(r, q.get());
        }
        for (int b = 0; b < buckets.size(); b++) {
            es.createIndex("rulec-accept-" + b, buckets.get(b));
        }
        List<String> rejected = new ArrayList<>();
        for (Map.Entry<SigmaRuleIr, String> e : queries.entrySet()) {
            EsNode.Hits h = es.esql(e.getValue() + "\n| KEEP _id | LIMIT 0");
            h.error().ifPresent(err -> rejected.add(e.getKey().origin().file() + ": " + err + "\n  " + e.getValue()));
        }
        List<String> luceneRejected = new ArrayList<>();
        for (Map.Entry<SigmaRuleIr, String> e : luceneQueries.entrySet()) {
            EsNode.Hits h = es.queryString("rulec-accept-" + bucketOf.get(e.getKey()), e.getValue());
            h.error().ifPresent(err -> luceneRejected.add(e.getKey().origin().file() + ": " + err + "\n  " + e.getValue()));
        }
        for (int b = 0; b < buckets.size(); b++) {
            es.deleteIndex("rulec-accept-" + b);
        }
        System.out.printf("Lucene acceptance: %d compiled to Lucene, %d accepted by the node, %d rejected%n",
                luceneQueries.size(), luceneQueries.size() - luceneRejected.size(), luceneRejected.size());
        luceneFailures.forEach((k, v) -> System.out.println("  not compiled to Lucene (" + v + "): " + k));
        luceneRejected.forEach(s -> System.out.println("REJECTED " + s));
        System.out.printf("ES|QL acceptance: %d files, %d rules parsed, %d compiled to ES|QL, %d accepted by the node,"
                + " %d rejected (%d indices)%n", files.size(), rules.size(), queries.size(), queries.size() - rejected.size(),
                rejected.size(), buckets.size());
        renderFailures.forEach((k, v) -> System.out.println("  not compiled (" + v + "): " + k));
        rejected.forEach(s -> System.out.println("REJECTED " + s));
        assertEquals(List.of(), rejected);
        assertEquals(List.of(), luceneRejected);
    }

    private static String reason(String message) {
        int i = message.indexOf("cannot be expressed");
        return i < 0 ? message : message.substring(i);
    }

    private static boolean clashes(Map<String, String> bucket, Map<String, String> fields) {
        for (String f : fields.keySet()) {
            for (String g : bucket.keySet()) {
                if (!f.equals(g) && (g.startsWith(f + ".") || f.startsWith(g + "."))) {
                    return true;
                }
            }
        }
        return false;
    }
}
