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
 *   <li>Text fields: Kibana sends {@code match_phrase} for a quoted value and {@code match} (any of its words) for an
 *       unquoted one. In the tree a match on a text field means the phrase (what
 *       {@link dev.rulec.target.dsl.DslRenderer} sends for text). Parsed with field types
 *       ({@link dev.rulec.lang.kql.KqlParser#parse(String, dev.rulec.diag.SourcePos, dev.rulec.target.FieldTypes,
 *       java.util.Collection, dev.rulec.diag.Diagnostics)}), an unquoted value of several words on a text field becomes
 *       an {@code or} of its words ({@link dev.rulec.lang.kql.KqlWords}, the standard analyzer's segmentation); parsed
 *       without, it stays one match (exact on keyword fields). An unquoted value containing whitespace is refused either
 *       way, as elastic/detection-rules' own KQL grammar refuses it. No IR node was added.</li>
 *   <li>Type-dependent meanings are made explicit once field types are known by
 *       {@link dev.rulec.lang.kql.KqlTyping}: CIDR strings on ip fields, lowercase-normalized keyword fields.</li>
 *   <li>Inside {@code path:{ … }} field names are relative; the tree holds full names.</li>
 *   <li>Field-name patterns ({@code file.hash.*:*}) expand, as Kibana expands them against the data view, into an
 *       {@code or} over the known fields they match (at each value); without a field list, or matching none, they are
 *       refused with that reason.</li>
 *   <li>{@code *:*} and the empty query are {@code Const(true)}, {@code not *:*} is {@code Const(false)}.</li>
 * </ul>
 */
package dev.rulec.lang.kql;
