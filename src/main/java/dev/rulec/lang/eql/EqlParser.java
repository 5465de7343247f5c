package dev.rulec.lang.eql;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
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
        EqlBaseLexer lexer = new EqlBaseLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        EqlBaseParser parser = new EqlBaseParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg, RecognitionException e) {
                throw new Failure(new SyntaxError(line, col + 1, msg));
            }
        });
        try {
            EqlQuery q = new EqlAstBuilder().statement(parser.singleStatement().statement());
            return new Result(Optional.of(q), Optional.empty());
        } catch (Failure f) {
            return new Result(Optional.empty(), Optional.of(f.error));
        } catch (StackOverflowError e) {
            return new Result(Optional.empty(), Optional.of(new SyntaxError(1, 1, "query is too deeply nested")));
        }
    }

    private static final class Failure extends ParseCancellationException {
        private static final long serialVersionUID = 1L;
        final transient SyntaxError error;

        Failure(SyntaxError error) {
            this.error = error;
        }
    }
}
