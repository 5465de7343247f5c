package dev.rulec.lang.kql;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.lang.kql.parser.KqlLexer;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        try {
            return Optional.of(parseOrThrow(text));
        } catch (KqlSyntaxException e) {
            diags.error(e.code(), position(text, start, e.index()), e.getMessage(), e.hint());
            return Optional.empty();
        } catch (StackOverflowError e) {
            diags.error("kql.too-deep", start, "the query is nested too deeply to parse", "simplify the query");
            return Optional.empty();
        }
    }

    private static Expr parseOrThrow(String text) {
        KqlLexer lexer = new KqlLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkTokens(text, tokens.getTokens());
        dev.rulec.lang.kql.parser.KqlParser parser = new dev.rulec.lang.kql.parser.KqlParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new ThrowingListener());
        return new KqlAstBuilder(text).visit(parser.query());
    }

    /** Checks that need the raw tokens: stray characters, nesting depth, whitespace around keywords. */
    private static void checkTokens(String text, List<Token> tokens) {
        int depth = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case KqlLexer.ERROR_CHAR -> throw new KqlSyntaxException("kql.syntax", t.getStartIndex(),
                        t.getText().equals("\\")
                                ? "a backslash at the end of the query escapes nothing"
                                : "unexpected character [" + t.getText() + "]",
                        "write \\\\ for a literal backslash");
                case KqlLexer.UNTERMINATED_QUOTED -> throw new KqlSyntaxException("kql.syntax", t.getStartIndex(),
                        "unterminated quoted string", "close it with \"; write \\\" for a quote inside it");
                case KqlLexer.LPAREN, KqlLexer.LBRACE -> {
                    if (++depth > MAX_NESTING) {
                        throw new KqlSyntaxException("kql.too-deep", t.getStartIndex(),
                                "parentheses and braces nest more than " + MAX_NESTING + " deep", "simplify the query");
                    }
                }
                case KqlLexer.RPAREN, KqlLexer.RBRACE -> depth = Math.max(0, depth - 1);
                case KqlLexer.OR, KqlLexer.AND -> {
                    if (!spaceAt(text, t.getStartIndex() - 1) || !spaceAt(text, t.getStopIndex() + 1)) {
                        throw keywordSpacing(t, "must have whitespace on both sides");
                    }
                }
                case KqlLexer.NOT -> {
                    if (!spaceAt(text, t.getStopIndex() + 1)) {
                        throw keywordSpacing(t, "must be followed by whitespace");
                    }
                }
                default -> {
                }
            }
        }
    }

    private static KqlSyntaxException keywordSpacing(Token t, String what) {
        return new KqlSyntaxException("kql.syntax", t.getStartIndex(), "keyword [" + t.getText() + "] " + what + " in KQL",
                "add a space, or escape it as \\" + t.getText() + " to mean the word itself");
    }

    private static boolean spaceAt(String text, int i) {
        if (i < 0 || i >= text.length()) {
            return true; // at either end of the query the parser reports what is missing
        }
        char c = text.charAt(i);
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u00A0';
    }

    /** The file position of char {@code index} of the query text. */
    static SourcePos position(String text, SourcePos start, int index) {
        int line = start.line();
        int col = start.column();
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return start.at(line, col);
    }

    /** The first syntax error ends the parse: ANTLR never invents or drops tokens. */
    private static final class ThrowingListener extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                                RecognitionException e) {
            Token t = (Token) offending;
            IntervalSet expected = ((Parser) recognizer).getExpectedTokens();
            String found = t.getType() == Token.EOF ? "end of query" : "[" + t.getText() + "]";
            throw new KqlSyntaxException("kql.syntax", t.getType() == Token.EOF ? t.getStartIndex() : t.getStartIndex(),
                    "unexpected " + found + ", expecting " + describe(expected), "");
        }
    }

    private static String describe(IntervalSet expected) {
        Set<String> names = new LinkedHashSet<>();
        for (int type : expected.toList()) {
            names.add(switch (type) {
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
            });
        }
        List<String> l = new ArrayList<>(names);
        return l.size() == 1 ? l.get(0) : "one of " + String.join(", ", l);
    }
}
