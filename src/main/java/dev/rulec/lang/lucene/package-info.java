/**
 * Lucene's classic query syntax, as Elasticsearch 8.19's {@code query_string} query reads it → {@link
 * dev.rulec.lang.lucene.LuceneQuery}, and back ({@link dev.rulec.lang.lucene.LuceneFormatter}).
 *
 * <p>Entry point: {@link dev.rulec.lang.lucene.LuceneParser#parse}. The grammar
 * ({@code grammar/dev/rulec/lang/lucene/parser/Lucene.g4}) follows the classic parser's tokens and rules: terms,
 * phrases with {@code ~slop}, {@code field:}, {@code field:( … )}, {@code AND OR NOT && || !}, {@code +}/{@code -},
 * wildcards, {@code /regexp/}, ranges with mixed brackets and {@code *} bounds, boosts, fuzziness and backslash
 * escapes ({@link dev.rulec.lang.lucene.LuceneEscapes}). On top, Elasticsearch's readings of plain terms:
 * {@code _exists_:field}, and {@code field:>x} (also {@code >=}, {@code <}, {@code <=}) as one-sided ranges.
 *
 * <p>Problems Lucene itself finds after the grammar are reported too: bad escapes (<code>&#92;u</code> without four hex digits,
 * a trailing {@code \}) and fractional edit distances of 1 or more ({@code a~1.5}). The regular expressions inside
 * {@code /…/} are kept as written: Elasticsearch checks them only against a string field.
 */
package dev.rulec.lang.lucene;
