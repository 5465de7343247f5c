package dev.rulec.lang.kql;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.lang.QuerySyntaxException;
import dev.rulec.lang.ThrowingErrorListener;
import dev.rulec.lang.TwoStageParse;
import dev.rulec.lang.kql.parser.KqlLexer;
import dev.rulec.target.FieldTypes;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Parses KQL (Kibana Query Language) into the shared {@link Expr} tree.
 *
 * <p>One error is reported per query (no recovery), at its line and column in the file: {@code start} is where the
 * query text begins in the file. Parentheses and braces nest at most {@value #MAX_NESTING} deep.
 */
public final class KqlParser {

    /** Deeper nesting is refused before parsing, so hostile input cannot overflow the stack. */
    public static final int MAX_NESTING = 100;

    private KqlParser() {
    }

    public static Optional<Expr> parse(String text, SourcePos start, Diagnostics diags) {
        return parse(text, start, Optional.empty(), FieldTypes.unknown(), false, diags);
    }

    /**
     * Parses KQL as Elasticsearch's own parser reads it (the {@code kql} query, ES|QL's {@code KQL()}): Kibana's
     * grammar less what that parser refuses ({@link ElasticsearchKql}).
     */
    public static Optional<Expr> parseElasticsearchDialect(String text, SourcePos start, Diagnostics diags) {
        return parse(text, start, Optional.empty(), FieldTypes.unknown(), true, diags);
    }

    /** Like {@link #parseElasticsearchDialect(String, SourcePos, Diagnostics)}, expanding field-name patterns. */
    public static Optional<Expr> parseElasticsearchDialect(String text, SourcePos start, Collection<String> knownFields,
                                                           Diagnostics diags) {
        return parse(text, start, Optional.of(knownFields), FieldTypes.unknown(), true, diags);
    }

    /**
     * Like {@link #parse(String, SourcePos, Diagnostics)}, expanding field-name patterns ({@code file.hash.*:*}) the
     * way Kibana does against the index's fields: an {@code or} over the known fields the pattern matches, at each
     * value. Without a field list such patterns are refused.
     */
    public static Optional<Expr> parse(String text, SourcePos start, Collection<String> knownFields, Diagnostics diags) {
        return parse(text, start, Optional.of(knownFields), FieldTypes.unknown(), false, diags);
    }

    /**
     * Parses with the index's field types, so the tree says what Kibana's translation does on them: an unquoted value
     * on a text field matches any of its words (Kibana's {@code match}), and {@link KqlTyping}'s rewrites (CIDR on ip
     * fields) are applied. Field-name patterns expand against {@code knownFields}.
     */
    public static Optional<Expr> parse(String text, SourcePos start, FieldTypes types, Collection<String> knownFields,
                                       Diagnostics diags) {
        return parse(text, start, Optional.of(knownFields), types, false, diags).map(e -> KqlTyping.refine(e, types));
    }

    private static Optional<Expr> parse(String text, SourcePos start, Optional<Collection<String>> knownFields,
                                        FieldTypes types, boolean elasticsearchDialect, Diagnostics diags) {
        try {
            return Optional.of(parseOrThrow(text, knownFields, types, elasticsearchDialect));
        } catch (QuerySyntaxException e) {
            diags.error(e.code(), position(text, start, e.index()), e.getMessage(), e.hint());
            return Optional.empty();
        } catch (StackOverflowError e) {
            diags.error("kql.too-deep", start, "the query is nested too deeply to parse", "simplify the query");
            return Optional.empty();
        }
    }

    private static Expr parseOrThrow(String text, Optional<Collection<String>> knownFields, FieldTypes types,
                                     boolean elasticsearchDialect) {
        KqlLexer lexer = new KqlLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkTokens(text, tokens.getTokens(), new Utf16(text));
        dev.rulec.lang.kql.parser.KqlParser.QueryContext tree =
                TwoStageParse.run(new dev.rulec.lang.kql.parser.KqlParser(tokens),
                new ThrowingErrorListener("kql.syntax", new Utf16(text)::index, KqlParser::name, t -> ""), dev.rulec.lang.kql.parser.KqlParser::query);
        if (elasticsearchDialect) {
            new ElasticsearchKql(new Utf16(text)).visit(tree);
        }
        return new KqlAstBuilder(text, knownFields, types).visit(tree);
    }

    /** Checks that need the raw tokens: stray characters, nesting depth, whitespace around keywords. */
    private static void checkTokens(String text, List<Token> tokens, Utf16 at) {
        int depth = 0;
        for (Token t : tokens) {
            int startIndex = at.index(t.getStartIndex());
            int stopIndex = at.index(t.getStopIndex() + 1) - 1;
            switch (t.getType()) {
                case KqlLexer.ERROR_CHAR -> throw new QuerySyntaxException("kql.syntax", startIndex,
                        t.getText().equals("\\")
                                ? "a backslash at the end of the query escapes nothing"
                                : "unexpected character [" + t.getText() + "]",
                        "write \\\\ for a literal backslash");
                case KqlLexer.UNTERMINATED_QUOTED -> throw new QuerySyntaxException("kql.syntax", startIndex,
                        "unterminated quoted string", "close it with \"; write \\\" for a quote inside it");
                case KqlLexer.LPAREN, KqlLexer.LBRACE -> {
                    if (++depth > MAX_NESTING) {
                        throw new QuerySyntaxException("kql.too-deep", startIndex,
                                "parentheses and braces nest more than " + MAX_NESTING + " deep", "simplify the query");
                    }
                }
                case KqlLexer.RPAREN, KqlLexer.RBRACE -> depth = Math.max(0, depth - 1);
                case KqlLexer.OR, KqlLexer.AND -> {
                    if (!spaceAt(text, startIndex - 1) || !spaceAt(text, stopIndex + 1)) {
                        throw keywordSpacing(t, startIndex, "must have whitespace on both sides");
                    }
                }
                case KqlLexer.NOT -> {
                    if (!spaceAt(text, stopIndex + 1)) {
                        throw keywordSpacing(t, startIndex, "must be followed by whitespace");
                    }
                }
                default -> {
                }
            }
        }
    }

    private static QuerySyntaxException keywordSpacing(Token t, int index, String what) {
        return new QuerySyntaxException("kql.syntax", index, "keyword [" + t.getText() + "] " + what + " in KQL",
                "add a space, or escape it as \\" + t.getText() + " to mean the word itself");
    }

    private static boolean spaceAt(String text, int i) {
        if (i < 0 || i >= text.length()) {
            return true; // at either end of the query the parser reports what is missing
        }
        char c = text.charAt(i);
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u00A0';
    }

    /** The file position of UTF-16 index {@code index} of the query text; columns count characters (code points). */
    static SourcePos position(String text, SourcePos start, int index) {
        return start.advancedBy(text, index);
    }

    /** A friendly name for a token the parser expects. */
    private static String name(int type) {
        return switch (type) {
            case KqlLexer.QUOTED, KqlLexer.UNQUOTED -> "<value>";
            case KqlLexer.OR -> "or";
            case KqlLexer.AND -> "and";
            case KqlLexer.NOT -> "not";
            case KqlLexer.LPAREN -> "(";
            case KqlLexer.RPAREN -> ")";
            case KqlLexer.LBRACE -> "{";
            case KqlLexer.RBRACE -> "}";
            case KqlLexer.COLON -> ":";
            case KqlLexer.LE, KqlLexer.GE, KqlLexer.LT, KqlLexer.GT -> "<comparison>";
            case Token.EOF -> "end of query";
            default -> KqlLexer.VOCABULARY.getDisplayName(type);
        };
    }
}
