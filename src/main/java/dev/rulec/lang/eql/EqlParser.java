package dev.rulec.lang.eql;

import dev.rulec.lang.esql.NestingGuard;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.Optional;

/** Parses EQL text into an {@link EqlQuery}; a syntax error comes back as a positioned message, never thrown. */
public final class EqlParser {
    private EqlParser() {
    }

    /** A syntax error at a 1-based line and column. */
    public record SyntaxError(int line, int column, String message) {
        @Override
        public String toString() {
            return "line " + line + ":" + column + ": " + message;
        }
    }

    /** Exactly one of query and error is present. */
    public record Result(Optional<EqlQuery> query, Optional<SyntaxError> error) {
        public boolean ok() {
            return query.isPresent();
        }
    }

    public static Result parse(String text) {
        Optional<int[]> deep = NestingGuard.tooDeep(text);
        if (deep.isPresent()) {
            return new Result(Optional.empty(), Optional.of(new SyntaxError(deep.get()[0], deep.get()[1],
                    "query is nested more than " + NestingGuard.MAX_DEPTH + " levels deep")));
        }
        try {
            EqlQuery q = new EqlAstBuilder().statement(twoStage(text).statement());
            return new Result(Optional.of(q), Optional.empty());
        } catch (Failure f) {
            return new Result(Optional.empty(), Optional.of(f.error));
        } catch (StackOverflowError e) {
            return new Result(Optional.empty(), Optional.of(new SyntaxError(1, 1, "query is too deeply nested")));
        }
    }

    /** SLL first, bailing out; full LL (with positioned errors) only for what SLL cannot decide. */
    private static EqlBaseParser.SingleStatementContext twoStage(String text) {
        EqlBaseParser fast = parser(text);
        fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
        fast.setErrorHandler(new BailErrorStrategy());
        try {
            return fast.singleStatement();
        } catch (ParseCancellationException sllFailed) {
            EqlBaseParser full = parser(text);
            full.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg,
                                        RecognitionException e) {
                    throw new Failure(new SyntaxError(line, col + 1, msg));
                }
            });
            return full.singleStatement();
        }
    }

    private static EqlBaseParser parser(String text) {
        EqlBaseLexer lexer = new EqlBaseLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        EqlBaseParser parser = new EqlBaseParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        return parser;
    }

    /** A syntax error thrown out of the parse or the AST builder, to become the result's error. */
    static final class Failure extends ParseCancellationException {
        private static final long serialVersionUID = 1L;
        final transient SyntaxError error;

        Failure(SyntaxError error) {
            this.error = error;
        }
    }
}
