package dev.rulec.lang.lucene;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.lang.QuerySyntaxException;
import dev.rulec.lang.ThrowingErrorListener;
import dev.rulec.lang.TwoStageParse;
import dev.rulec.lang.lucene.parser.LuceneLexer;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

import java.util.List;
import java.util.Optional;

/**
 * Parses Lucene query_string syntax (as Elasticsearch 8.19 reads it) into a {@link LuceneQuery.Bool}.
 *
 * <p>One error is reported per query (no recovery), at its line and column in the file: {@code start} is where the
 * query text begins in the file. Parentheses nest at most {@value #MAX_NESTING} deep (the only construct that nests:
 * a clause takes one modifier); deeper input is refused before parsing, so hostile input cannot overflow the stack.
 */
public final class LuceneParser {

    /** Deeper nesting is refused before parsing. */
    public static final int MAX_NESTING = 100;

    private LuceneParser() {
    }

    public static Optional<LuceneQuery.Bool> parse(String text, SourcePos start, Diagnostics diags) {
        try {
            return Optional.of(parseOrThrow(text));
        } catch (QuerySyntaxException e) {
            diags.error(e.code(), start.advancedBy(text, e.index()), e.getMessage(), e.hint());
            return Optional.empty();
        } catch (StackOverflowError e) {
            diags.error("lucene.too-deep", start, "the query is nested too deeply to parse", "simplify the query");
            return Optional.empty();
        }
    }

    private static LuceneQuery.Bool parseOrThrow(String text) {
        LuceneLexer lexer = new LuceneLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkTokens(text, tokens.getTokens());
        dev.rulec.lang.lucene.parser.LuceneParser.QueryContext tree =
                TwoStageParse.run(new dev.rulec.lang.lucene.parser.LuceneParser(tokens),
                new ThrowingErrorListener("lucene.syntax", cp -> index(text, cp), LuceneParser::name,
                        LuceneParser::hint), dev.rulec.lang.lucene.parser.LuceneParser::query);
        return new LuceneAstBuilder(text).query(tree);
    }

    /** Checks that need the raw tokens: characters no token takes, unterminated quotes, nesting depth. */
    private static void checkTokens(String text, List<Token> tokens) {
        int depth = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case LuceneLexer.ERROR_CHAR -> throw new QuerySyntaxException("lucene.syntax", index(text, t.getStartIndex()),
                        t.getText().equals("\\")
                                ? "a backslash at the end of the query escapes nothing"
                                : "unexpected character [" + t.getText() + "]",
                        "escape it with a backslash to mean the character itself");
                case LuceneLexer.UNTERMINATED_QUOTED -> throw new QuerySyntaxException("lucene.syntax", index(text, t.getStartIndex()),
                        "unterminated quoted string", "close it with \"; write \\\" for a quote inside it");
                case LuceneLexer.UNTERMINATED_REGEXP -> throw new QuerySyntaxException("lucene.syntax", index(text, t.getStartIndex()),
                        "unterminated regular expression: a / starts one", "close it with /, or write \\/ for a slash");
                case LuceneLexer.BOOST_ERROR -> throw new QuerySyntaxException("lucene.syntax", index(text, t.getStartIndex()),
                        "a boost ^ must be followed by a number, not [" + t.getText() + "]", "write e.g. ^2");
                case LuceneLexer.LPAREN -> {
                    if (++depth > MAX_NESTING) {
                        throw new QuerySyntaxException("lucene.too-deep", index(text, t.getStartIndex()),
                                "parentheses nest more than " + MAX_NESTING + " deep", "simplify the query");
                    }
                }
                case LuceneLexer.RPAREN -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
        }
    }

    /** The UTF-16 index of code point {@code codePoint} of the text (ANTLR counts code points). */
    static int index(String text, int codePoint) {
        int cps = text.codePointCount(0, text.length());
        return codePoint <= 0 ? 0 : codePoint >= cps ? text.length() : text.offsetByCodePoints(0, codePoint);
    }

    private static String hint(Token t) {
        return switch (t.getType()) {
            case LuceneLexer.AND, LuceneLexer.OR, LuceneLexer.NOT, LuceneLexer.COLON, LuceneLexer.RPAREN ->
                    "escape it with a backslash to mean the text itself";
            default -> "";
        };
    }

    /** A friendly name for a token the parser expects. */
    private static String name(int type) {
        return switch (type) {
            case LuceneLexer.TERM, LuceneLexer.STAR, LuceneLexer.PREFIXTERM, LuceneLexer.WILDTERM,
                    LuceneLexer.REGEXPTERM, LuceneLexer.BAREOPER, LuceneLexer.QUOTED, LuceneLexer.RANGEIN_START,
                    LuceneLexer.RANGEEX_START -> "<term>";
            case LuceneLexer.RANGE_GOOP, LuceneLexer.RANGE_QUOTED -> "<bound>";
            case LuceneLexer.RANGE_TO -> "TO";
            case LuceneLexer.RANGEIN_END, LuceneLexer.RANGEEX_END -> "] or }";
            case LuceneLexer.NUMBER -> "<number>";
            case LuceneLexer.AND -> "AND";
            case LuceneLexer.OR -> "OR";
            case LuceneLexer.NOT, LuceneLexer.PLUS, LuceneLexer.MINUS -> "<modifier>";
            case LuceneLexer.LPAREN -> "(";
            case LuceneLexer.RPAREN -> ")";
            case LuceneLexer.COLON -> ":";
            case LuceneLexer.CARAT -> "^";
            case LuceneLexer.FUZZY_SLOP -> "~";
            case Token.EOF -> "end of query";
            default -> LuceneLexer.VOCABULARY.getDisplayName(type);
        };
    }
}
