package dev.rulec.lang.lucene;

/** One method per {@link LuceneQuery} node: a new node breaks every implementation at compile time. */
public interface LuceneVisitor<R> {
    R visitBool(LuceneQuery.Bool q);

    R visitGroup(LuceneQuery.Group q);

    R visitTerm(LuceneQuery.Term q);

    R visitPhrase(LuceneQuery.Phrase q);

    R visitRegexp(LuceneQuery.Regexp q);

    R visitRange(LuceneQuery.Range q);

    R visitCompare(LuceneQuery.Compare q);

    R visitExists(LuceneQuery.Exists q);
}
