package dev.rulec.lang.esql;

import dev.rulec.testsupport.DetectionRulesCorpus;
import dev.rulec.testsupport.DetectionRulesCorpus.CorpusQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EsqlCorpusTest {

    @Test
    void everyCorpusEsqlQueryParses() {
        List<CorpusQuery> queries = DetectionRulesCorpus.queries("esql");
        List<String> failures = new ArrayList<>();
        for (CorpusQuery q : queries) {
            EsqlParser.Result r = EsqlParser.parse(q.query());
            if (!r.ok()) {
                failures.add(q.file() + ": " + r.problems().get(0));
            }
        }
        System.out.println("ES|QL corpus: " + (queries.size() - failures.size()) + " of " + queries.size() + " parse");
        failures.forEach(System.out::println);
        assertTrue(queries.size() > 100, "expected the corpus's ES|QL rules");
        assertEquals(List.of(), failures);
    }
}
