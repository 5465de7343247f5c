package dev.rulec.source.sigma;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;
import dev.rulec.pipeline.Pipeline;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.schema.IndexMappingBuilder;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.testsupport.es.EsNode;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SigmaHQ rules that compile to ES|QL through the built-in pipelines are accepted by a real Elasticsearch node
 * (parsed and verified, {@code LIMIT 0}) against indices named after each pipeline's index pattern and mapped for
 * the fields the rules use (ECS types where ECS defines the field, keyword otherwise).
 */
class SigmaCorpusEsqlIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCompiledEsqlQueryIsAcceptedByElasticsearch() throws Exception {
        EsNode node = EsNode.require();
        Path root = SharedFiles.require("corpus/sigma/rules");
        Map<String, String> ecs = new HashMap<>();
        List<String> lines = Files.readAllLines(SharedFiles.require("schemas/ecs.tsv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split("\t", -1);
            ecs.put(c[0], c[1]);
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        SigmaFrontEnd fe = new SigmaFrontEnd(PipelineSet.builtIns());
        Map<String, String> queries = new LinkedHashMap<>();
        Map<String, TreeSet<String>> fieldsByIndex = new TreeMap<>();
        Map<String, TreeSet<String>> fieldsByRule = new HashMap<>();
        Map<String, String> declared = new HashMap<>();
        for (Path f : files) {
            Diagnostics d = new Diagnostics();
            SigmaFrontEnd.Parsed parsed = fe.parse(List.of(f), d);
            List<LoadedRule> rules = fe.compile(List.of(f), new EsqlRenderer(), new Diagnostics());
            if (rules.size() != 1 || parsed.rules().size() != 1) {
                continue;
            }
            SigmaRuleIr ir = parsed.rules().get(0);
            String pattern = ir.pipeline().map(Pipeline::indices).orElse(List.of()).get(0);
            TreeSet<String> fields = new TreeSet<>(dev.rulec.ir.ExprFields.of(ir.detection()));
            fieldsByIndex.computeIfAbsent(pattern, k -> new TreeSet<>()).addAll(fields);
            fieldsByRule.put(f.getFileName().toString(), fields);
            ir.pipeline().ifPresent(p -> p.types().forEach(declared::putIfAbsent));
            queries.put(f.getFileName().toString(), ((Detection.Esql) rules.get(0).rule().detection()).query());
        }
        List<String> created = new ArrayList<>();
        // Every field anywhere, so an index pattern such as logs-* that spans all test indices sees one type each.
        TreeSet<String> all = new TreeSet<>();
        fieldsByIndex.values().forEach(all::addAll);
        try {
            for (Map.Entry<String, TreeSet<String>> e : fieldsByIndex.entrySet()) {
                String index = e.getKey().replace("*", "rulec-corpus");
                node.createIndex(index, mapping(e.getValue(), all, ecs, declared));
                created.add(index);
            }
            // A rule naming a field that another rule of the corpus uses as an object (process vs process.name) gets
            // an index of its own: one index cannot map both, real data of one source does not have both.
            int own = 0;
            for (Map.Entry<String, TreeSet<String>> e : fieldsByRule.entrySet()) {
                TreeSet<String> fields = e.getValue();
                boolean clashes = fields.stream().anyMatch(f -> all.stream().anyMatch(o -> o.startsWith(f + "."))
                        && fields.stream().noneMatch(o -> o.startsWith(f + ".")));
                if (clashes) {
                    String index = "rulec-own-" + own++;
                    node.createIndex(index, mapping(fields, fields, ecs, declared));
                    created.add(index);
                    String q = queries.get(e.getKey());
                    queries.put(e.getKey(), q.replaceFirst("^FROM [^\\n]*? METADATA", "FROM " + index + " METADATA"));
                }
            }
            int ok = 0;
            List<String> failures = new ArrayList<>();
            for (Map.Entry<String, String> q : queries.entrySet()) {
                ObjectNode body = JSON.createObjectNode().put("query", q.getValue() + "\n| LIMIT 0");
                EsNode.Response r = node.json("POST", "/_query", body);
                if (r.ok()) {
                    ok++;
                } else {
                    failures.add(q.getKey() + ": " + r.body().path("error").path("reason").asText());
                }
            }
            System.out.printf("[esql on Elasticsearch] %d of %d compiled ES|QL queries accepted%n", ok, queries.size());
            failures.forEach(x -> System.out.println("  " + x));
            assertTrue(failures.isEmpty(), failures.size() + " queries rejected");
        } finally {
            created.forEach(node::deleteIndex);
        }
    }

    /**
     * Mapping types for a test index: ECS types where ECS defines the field, else the type the rule's pipeline
     * declares (as the integration maps it: a boolean, a long), keyword otherwise.
     */
    private static Map<String, String> mapping(TreeSet<String> fields, TreeSet<String> all, Map<String, String> ecs,
            Map<String, String> declared) {
        Map<String, String> types = new TreeMap<>();
        for (String field : fields) {
            if (all.stream().anyMatch(o -> o.startsWith(field + "."))) {
                continue; // an object elsewhere; cannot also be a leaf
            }
            if (field.startsWith("aws.cloudtrail.flattened.")) {
                String[] parts = field.split("\\.");
                types.put(String.join(".", parts[0], parts[1], parts[2], parts[3]), "flattened");
                continue;
            }
            // A field the queries read as a value: containers and flattened fields as keyword.
            String own = ecs.getOrDefault(field, declared.getOrDefault(field, "keyword"));
            types.put(field, IndexMappingBuilder.coreType(own).filter(t -> !t.equals("flattened")).orElse("keyword"));
        }
        types.put("@timestamp", "date");
        return types;
    }
}
