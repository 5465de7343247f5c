package dev.rulec.lang.lucene;

import dev.rulec.lang.lucene.LuceneQuery.Clause;
import dev.rulec.lang.lucene.LuceneQuery.Conjunction;
import dev.rulec.lang.lucene.LuceneQuery.Modifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Which clauses of a query must, should or must not match, as Lucene's classic parser decides with Elasticsearch's
 * default operator (OR): a clause is required by {@code +} or by an {@code AND} on either side of it (unless it is
 * prohibited), prohibited by {@code -}, {@code NOT} or {@code !}, and optional otherwise. So {@code a OR b AND c} is
 * {@code a} optional, {@code b} and {@code c} required.
 */
public final class LuceneOccurs {
    private LuceneOccurs() {
    }

    public enum Occur { MUST, SHOULD, MUST_NOT }

    public static List<Occur> of(List<Clause> clauses) {
        List<Occur> out = new ArrayList<>(clauses.size());
        for (Clause c : clauses) {
            boolean prohibited = c.modifier() == Modifier.PROHIBITED;
            if (c.conjunction() == Conjunction.AND && !out.isEmpty() && out.get(out.size() - 1) != Occur.MUST_NOT) {
                out.set(out.size() - 1, Occur.MUST); // AND makes the clause before it required
            }
            boolean required = c.modifier() == Modifier.REQUIRED || c.conjunction() == Conjunction.AND && !prohibited;
            out.add(prohibited ? Occur.MUST_NOT : required ? Occur.MUST : Occur.SHOULD);
        }
        return out;
    }
}
