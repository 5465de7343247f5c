package dev.rulec.ruletest;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.lang.lucene.LuceneParser;
import dev.rulec.lang.lucene.LuceneQuery;
import dev.rulec.lang.lucene.LuceneToIr;
import dev.rulec.model.Detection;
import dev.rulec.model.QueryLanguage;
import dev.rulec.ruletest.esql.MappingTypes;

import java.util.Optional;

/**
 * A Lucene query rule (query, new terms, threshold) for the in-process engine: its query parsed by rulec's grammar and
 * read as the IR against the test index's mapping ({@link LuceneToIr}); what that refuses needs a cluster.
 */
final class LuceneInProcess {
    private LuceneInProcess() {
    }

    /** The case with its rule's Lucene query as the IR, or the outcome when it cannot be run in process. */
    record Prepared(Optional<TestCase> ready, Optional<Outcome> outcome) {
    }

    static Optional<String> query(Detection d) {
        if (d instanceof Detection.Query q && q.language() == QueryLanguage.LUCENE) {
            return Optional.of(q.query());
        }
        if (d instanceof Detection.NewTerms n && n.language() == QueryLanguage.LUCENE) {
            return Optional.of(n.query());
        }
        if (d instanceof Detection.Threshold t && t.language() == QueryLanguage.LUCENE) {
            return Optional.of(t.query());
        }
        return Optional.empty();
    }

    static Prepared prepare(TestCase tc, String query) {
        Diagnostics diags = new Diagnostics();
        Optional<LuceneQuery.Bool> parsed = LuceneParser.parse(query, SourcePos.startOf(tc.rule().file()), diags);
        if (parsed.isEmpty()) {
            return done(new Outcome.Failed("the Lucene query does not parse: " + diags.all().get(0).message()));
        }
        if (parsed.get().clauses().isEmpty()) {
            return done(new Outcome.Skipped(InProcessEngine.NEEDS_CLUSTER + ": an empty Lucene query is not evaluated"
                    + " in process"));
        }
        try {
            return new Prepared(Optional.of(tc.withRule(tc.rule().withIr(
                    LuceneToIr.convert(parsed.get(), MappingTypes.of(tc.layout().mapping()))))), Optional.empty());
        } catch (LuceneToIr.Refused e) {
            return done(new Outcome.Skipped(InProcessEngine.NEEDS_CLUSTER + ": the Lucene query: " + e.getMessage()));
        }
    }

    private static Prepared done(Outcome o) {
        return new Prepared(Optional.empty(), Optional.of(o));
    }
}
