package dev.rulec.lang.esql;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
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
        EsqlBaseLexer lexer = new EsqlBaseLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        EsqlBaseParser parser = new EsqlBaseParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(Thrower.INSTANCE);
        try {
            EsqlBaseParser.SingleStatementContext tree = parser.singleStatement();
            return new Result(Optional.of(new EsqlAstBuilder().query(tree.query())), List.of());
        } catch (SyntaxError e) {
            return failure(e.line, e.column, e.getMessage());
        } catch (StackOverflowError e) {
            return failure(1, 1, "query is too deeply nested");
        }
    }

    private static Result failure(int line, int column, String message) {
        return new Result(Optional.empty(), List.of(new EsqlProblem(EsqlProblem.Kind.PARSING, line, column, message)));
    }

    private static final class SyntaxError extends ParseCancellationException {
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
