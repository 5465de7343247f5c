package dev.rulec.lang.esql;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.List;
import java.util.Optional;

/**
 * Parses ES|QL text into an {@link EsqlQuery}. Syntax errors come back as one {@link EsqlProblem} at the offending
 * token ({@code line L:C: mismatched input …}); nothing is thrown for bad input.
 */
public final class EsqlParser {
    private EsqlParser() {
    }

    /** The query, or the first syntax problem. */
    public record Result(Optional<EsqlQuery> query, List<EsqlProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return query.isPresent();
        }
    }

    public static Result parse(String text) {
        Optional<int[]> deep = NestingGuard.tooDeep(text);
        if (deep.isPresent()) {
            return failure(deep.get()[0], deep.get()[1], "query is nested more than " + NestingGuard.MAX_DEPTH
                    + " levels deep; split it into simpler expressions");
        }
        try {
            EsqlBaseParser.SingleStatementContext tree = twoStage(text);
            return new Result(Optional.of(new EsqlAstBuilder().query(tree.query())), List.of());
        } catch (SyntaxError e) {
            return failure(e.line, e.column, e.getMessage());
        } catch (StackOverflowError e) {
            return failure(1, 1, "query is too deeply nested");
        }
    }

    /**
     * Fast SLL prediction first, bailing out at the first conflict; only input SLL cannot decide (or that is wrong) is
     * parsed again with full LL, whose errors are the ones reported.
     */
    private static EsqlBaseParser.SingleStatementContext twoStage(String text) {
        EsqlBaseParser fast = parser(text);
        fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
        fast.setErrorHandler(new BailErrorStrategy());
        try {
            return fast.singleStatement();
        } catch (ParseCancellationException sllFailed) {
            EsqlBaseParser full = parser(text);
            full.addErrorListener(Thrower.INSTANCE);
            return full.singleStatement();
        }
    }

    private static EsqlBaseParser parser(String text) {
        EsqlBaseLexer lexer = new EsqlBaseLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        EsqlBaseParser parser = new EsqlBaseParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        return parser;
    }

    private static Result failure(int line, int column, String message) {
        return new Result(Optional.empty(), List.of(new EsqlProblem(EsqlProblem.Kind.PARSING, line, column, message)));
    }

    /** A positioned syntax problem; the AST builder throws it too, for expressions too deep to build. */
    static final class SyntaxError extends ParseCancellationException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        SyntaxError(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private static final class Thrower extends BaseErrorListener {
        static final Thrower INSTANCE = new Thrower();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            String message = msg;
            if (offendingSymbol instanceof Token t && t.getType() == EsqlBaseLexer.UNKNOWN_COMMAND) {
                message = "unknown command [" + t.getText() + "]";
            }
            throw new SyntaxError(line, charPositionInLine + 1, message);
        }
    }
}
