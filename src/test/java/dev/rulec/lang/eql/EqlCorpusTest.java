package dev.rulec.lang.eql;

import dev.rulec.testsupport.DetectionRulesCorpus;
import dev.rulec.testsupport.DetectionRulesCorpus.CorpusQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EqlCorpusTest {

    @Test
    void everyCorpusEqlQueryParses() {
        List<CorpusQuery> queries = DetectionRulesCorpus.queries("eql");
        List<String> failures = new ArrayList<>();
        for (CorpusQuery q : queries) {
            EqlParser.Result r = EqlParser.parse(q.query());
            if (!r.ok()) {
                failures.add(q.file() + ": " + r.error().orElseThrow());
            }
        }
        System.out.println("EQL corpus: " + (queries.size() - failures.size()) + " of " + queries.size() + " parse");
        failures.forEach(System.out::println);
        assertTrue(queries.size() > 500, "expected the corpus's EQL rules");
        assertEquals(List.of(), failures);
    }
}
