/**
 * KQL (Kibana Query Language) → the shared {@link dev.rulec.ir.Expr} tree.
 *
 * <p>Entry point: {@link dev.rulec.lang.kql.KqlParser#parse}. The grammar ({@code grammar/dev/rulec/lang/kql/parser/Kql.g4})
 * follows Kibana's {@code kuery} grammar: {@code not} binds tighter than {@code and}, which binds tighter than
 * {@code or}; keywords are case-insensitive and must be surrounded by whitespace; value lists
 * {@code field:(a or b and not c)}; ranges {@code field >= x}; nested {@code path:{ … }}; {@code field:*} (exists);
 * field-less values; escapes as {@link dev.rulec.lang.kql.KqlQuoting} documents them.
 *
 * <p>Choices, each faithful to what Kibana sends to Elasticsearch:
 * <ul>
 *   <li>{@code field:value} and {@code field:"value"} become a {@link dev.rulec.ir.CaseMode#SENSITIVE} match: KQL on
 *       keyword fields is case-sensitive. An unquoted {@code *} is a wildcard, a quoted one is literal.</li>
 *   <li>Unquoted numbers (written canonically) become numbers, {@code true}/{@code false} booleans — the same
 *       comparison Kibana's {@code match} makes; quoted values stay strings. Unquoted {@code null} is refused.</li>
 *   <li>Text fields: Kibana sends {@code match_phrase} for quoted values and {@code match} for unquoted ones; for a
 *       single-token value they coincide. The IR keeps no quoted/unquoted flag, so an unquoted value containing
 *       whitespace (whose meaning differs: any word on a text field, the whole value on a keyword field) is refused
 *       with a hint, as elastic/detection-rules' own KQL grammar refuses it. A match on a text field means the phrase
 *       (what {@link dev.rulec.target.dsl.DslRenderer} sends for text); consumers that compare exactly (the matcher)
 *       are exact there, which the differential test reports separately. No IR node was added.</li>
 *   <li>Type-dependent meanings are made explicit once field types are known by
 *       {@link dev.rulec.lang.kql.KqlTyping}: CIDR strings on ip fields, lowercase-normalized keyword fields.</li>
 *   <li>Inside {@code path:{ … }} field names are relative; the tree holds full names.</li>
 *   <li>Field-name patterns ({@code file.hash.*:*}) are refused: the fields they stand for come from the index
 *       mapping, which the compiler does not see.</li>
 *   <li>{@code *:*} and the empty query are {@code Const(true)}, {@code not *:*} is {@code Const(false)}.</li>
 * </ul>
 */
package dev.rulec.lang.kql;
