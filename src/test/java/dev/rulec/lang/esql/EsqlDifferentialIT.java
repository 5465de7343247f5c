package dev.rulec.lang.esql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.lang.esql.EsqlProblem.Kind;
import dev.rulec.schema.IndexMappingBuilder;
import dev.rulec.schema.Schema;
import dev.rulec.testsupport.DetectionRulesCorpus;
import dev.rulec.testsupport.DetectionRulesCorpus.CorpusQuery;
import dev.rulec.testsupport.es.EsNode;
import dev.rulec.testsupport.es.RequiresElasticsearch;
import dev.rulec.diag.Diagnostics;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rulec's ES|QL verdict against a real Elasticsearch node's: for every corpus query and for mutants of them (typos in
 * commands, functions and fields; wrong types; wrong argument counts), over indices mapped from the built-in schema;
 * and for the QSTR conditions rulec writes for keys of flattened fields, where the node accepts and refuses them.
 * Runs on the run's node ({@link RequiresElasticsearch}: started by {@code mvn verify}, or {@code rulec.es.url}).
 */
@RequiresElasticsearch
class EsqlDifferentialIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POS = Pattern.compile("line (\\d+):(\\d+): ");
    private EsNode es;

    /** A verdict: valid, or which check refused it, where. */
    record Verdict(String kind, int line, int column, String message) {
        static final Verdict VALID = new Verdict("valid", 0, 0, "");

        boolean valid() {
            return kind.equals("valid");
        }
    }

    @Test
    void rulecAgreesWithElasticsearchOnCorpusAndMutants(EsNode node) throws Exception {
        es = node;
        List<CorpusQuery> corpus = DetectionRulesCorpus.queries("esql");

        Map<String, Set<String>> columnsByPattern = new LinkedHashMap<>();
        for (CorpusQuery q : corpus) {
            EsqlParser.parse(q.query()).query().ifPresent(p -> {
                if (p.source() instanceof EsqlCommand.From f) {
                    f.indices().forEach(i -> columnsByPattern.computeIfAbsent(i, k -> new TreeSet<>()).addAll(columns(p)));
                }
            });
        }
        columnsByPattern.putIfAbsent("logs-aws.cloudtrail-*", Set.of());
        columnsByPattern.forEach(this::createIndex);
        es.request("POST", "/_refresh", Optional.empty());

        EsqlAnalyzer analyzer = EsqlAnalyzer.withBuiltinSchemas();
        Tally corpusTally = new Tally("corpus");
        Tally mutantTally = new Tally("mutants");
        for (CorpusQuery q : corpus) {
            corpusTally.add(q.file(), q.query(), mine(analyzer, q.query()), node(q.query()));
            for (String m : Mutants.of(q.query())) {
                mutantTally.add(q.file() + " (mutant)", m, mine(analyzer, m), node(m));
            }
        }
        Tally flattenedTally = new Tally("QSTR on flattened keys");
        for (String q : flattenedKeyQueries()) {
            for (String v : placements(q)) {
                flattenedTally.add("sigma aws", v, mine(analyzer, v), node(v));
            }
        }
        corpusTally.print();
        mutantTally.print();
        flattenedTally.print();
        assertTrue(flattenedTally.total >= 6 * 6, "expected the SigmaHQ rules on flattened keys, got " + flattenedTally.total);
        assertEquals(flattenedTally.total, flattenedTally.positionAgree, "QSTR placement verdicts disagree");
        assertTrue(mutantTally.total >= 200, "expected at least 200 mutants, got " + mutantTally.total);
        assertTrue(corpusTally.validityAgree >= corpusTally.total * 0.98, "corpus verdicts disagree too often");
        assertTrue(mutantTally.validityAgree >= mutantTally.total * 0.98, "mutant verdicts disagree too often");
    }

    /** The ES|QL queries rulec compiles for SigmaHQ's AWS rules on keys of flattened fields (QSTR). */
    private static List<String> flattenedKeyQueries() throws Exception {
        Path root = SharedFiles.require("corpus/sigma/rules/cloud/aws");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        List<String> out = new ArrayList<>();
        for (LoadedRule r : new SigmaFrontEnd(PipelineSet.builtIns()).compile(files, new EsqlRenderer(), new Diagnostics())) {
            String q = ((Detection.Esql) r.rule().detection()).query();
            if (q.contains("QSTR(\"aws.cloudtrail.flattened.")) {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * The query as compiled, and with its condition where Elasticsearch 8.19 accepts full-text functions (after SORT
     * and another WHERE) or refuses them (after EVAL or LIMIT, inside EVAL, inside COALESCE).
     */
    private static List<String> placements(String query) {
        int at = query.indexOf("\n| WHERE ");
        String from = query.substring(0, at);
        String cond = query.substring(at + "\n| WHERE ".length());
        Matcher qstr = Pattern.compile("QSTR\\(\"(?:[^\"\\\\]|\\\\.)*\"\\)").matcher(cond);
        String first = qstr.find() ? qstr.group() : "TRUE";
        return List.of(query,
                from + "\n| SORT @timestamp\n| WHERE event.dataset == \"aws.cloudtrail\"\n| WHERE " + cond,
                from + "\n| EVAL x = 1\n| WHERE " + cond,
                from + "\n| LIMIT 10\n| WHERE " + cond,
                from + "\n| EVAL r = CASE(" + cond + ", 1, 0)",
                from + "\n| WHERE COALESCE(" + first + ", FALSE)");
    }

    private Verdict mine(EsqlAnalyzer analyzer, String query) {
        return analyzer.check(query).stream().filter(p -> p.kind() != Kind.DETECTION).findFirst()
                .map(p -> new Verdict(p.kind() == Kind.PARSING ? "parsing_exception" : "verification_exception", p.line(),
                        p.column(), p.message()))
                .orElse(Verdict.VALID);
    }

    private Verdict node(String query) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        EsNode.Response r = es.request("POST", "/_query", Optional.of(body.toString()));
        if (r.ok()) {
            return Verdict.VALID;
        }
        JsonNode err = r.body().path("error");
        String type = err.path("type").asText();
        String reason = err.path("reason").asText();
        Matcher m = POS.matcher(reason);
        if (m.find()) {
            return new Verdict(type, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    reason.substring(m.end()).lines().findFirst().orElse(""));
        }
        return new Verdict(type, 0, 0, reason);
    }

    /**
     * An index for the pattern, mapped from the built-in schema, with the keys of dynamic objects the corpus queries
     * read ({@code winlog.event_data.*}) mapped as the integration's dynamic template maps them: the comparison is
     * about rulec's verdict, not about which keys the test index happens to lack.
     */
    private void createIndex(String pattern, Set<String> columns) {
        String index = pattern.replace("*", "x").toLowerCase(Locale.ROOT);
        if (index.isEmpty() || index.startsWith("-") || index.contains(":")) {
            return;
        }
        Schema schema = Schema.forIndexPatterns(List.of(pattern));
        es.createIndex(index, new IndexMappingBuilder().nestedPaths(schema).schema(schema).usedKeys(schema, columns));
    }

    /** The names a query reads: columns in its expressions and the plain names of KEEP, DROP, RENAME, MV_EXPAND. */
    private static Set<String> columns(EsqlQuery query) {
        Set<String> out = new TreeSet<>();
        for (EsqlCommand c : query.commands()) {
            EsqlTrees.expressions(c).forEach(e -> EsqlTrees.walk(e, x -> {
                if (x instanceof EsqlExpr.Column col) {
                    out.add(col.name());
                }
            }));
            List<EsqlCommand.NamePattern> names = new ArrayList<>();
            if (c instanceof EsqlCommand.Keep k) {
                names.addAll(k.columns());
            } else if (c instanceof EsqlCommand.Drop d) {
                names.addAll(d.columns());
            } else if (c instanceof EsqlCommand.Rename r) {
                r.pairs().forEach(p -> names.add(p.oldName()));
            } else if (c instanceof EsqlCommand.MvExpand m) {
                names.add(m.column());
            }
            names.stream().map(EsqlCommand.NamePattern::pattern).filter(n -> !n.contains("*")).forEach(out::add);
        }
        return out;
    }

    /** Counts of agreement, and the disagreements to explain. */
    static final class Tally {
        final String name;
        int total;
        int validityAgree;
        int kindAgree;
        int positionAgree;
        int nodeValid;
        int mineValid;
        final Map<String, Integer> byKind = new LinkedHashMap<>();
        final List<String> disagreements = new ArrayList<>();

        Tally(String name) {
            this.name = name;
        }

        void add(String file, String query, Verdict mine, Verdict node) {
            total++;
            nodeValid += node.valid() ? 1 : 0;
            mineValid += mine.valid() ? 1 : 0;
            byKind.merge("node " + node.kind() + " / rulec " + mine.kind(), 1, Integer::sum);
            if (mine.valid() == node.valid()) {
                validityAgree++;
                if (mine.kind().equals(node.kind())) {
                    kindAgree++;
                    if (mine.line() == node.line() && mine.column() == node.column()) {
                        positionAgree++;
                    }
                }
            }
            boolean samePlace = mine.line() == node.line() && mine.column() == node.column();
            if (mine.valid() != node.valid() || !mine.kind().equals(node.kind()) || !samePlace) {
                String what = mine.valid() != node.valid() ? "VALIDITY" : !mine.kind().equals(node.kind()) ? "TYPE" : "POSITION";
                disagreements.add(what + " " + file + "\n    node:  " + node + "\n    rulec: " + mine
                        + "\n    query: " + query.strip().replace("\n", " ").substring(0, Math.min(160, query.strip().length())));
            }
        }

        void print() {
            System.out.printf("ES|QL differential [%s]: %d queries; node valid %d, rulec valid %d; validity agrees %d; "
                    + "exception type agrees %d; and position too %d%n", name, total, nodeValid, mineValid, validityAgree,
                    kindAgree, positionAgree);
            byKind.forEach((k, v) -> System.out.println("  " + k + ": " + v));
            disagreements.forEach(d -> System.out.println("  DISAGREE " + d));
        }
    }
}
