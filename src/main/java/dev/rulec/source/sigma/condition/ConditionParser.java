package dev.rulec.source.sigma.condition;

import dev.rulec.lang.esql.NestingGuard;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.OptionalInt;

/**
 * The one way to parse a Sigma condition: throwing error listeners, no error recovery (ANTLR never invents or
 * drops tokens), SLL first with an LL re-parse on failure, and a length cap so a hostile condition cannot make
 * the parser recurse without bound.
 */
public final class ConditionParser {

    /** Far above any real condition; deeper nesting would only risk the stack. */
    private static final int MAX_LENGTH = 20_000;

    private ConditionParser() {
    }

    public static Cond parse(String text) throws ConditionSyntaxException {
        if (text.length() > MAX_LENGTH) {
            throw new ConditionSyntaxException(0, "condition is longer than " + MAX_LENGTH + " characters");
        }
        OptionalInt deep = NestingGuard.tooDeepAt(text);
        if (deep.isPresent()) {
            throw new ConditionSyntaxException(deep.getAsInt(), "condition is nested more than "
                    + NestingGuard.MAX_DEPTH + " levels deep (parentheses and runs of not)");
        }
        int pipe = text.indexOf('|');
        if (pipe >= 0) {
            throw new ConditionSyntaxException(pipe, "aggregation expressions after '|' are not supported"
                    + " (Sigma v2 expresses them as correlation rules)");
        }
        try {
            return parse(text, PredictionMode.SLL, new BailErrorStrategy());
        } catch (ParseCancellationException sllFailed) {
            try {
                return parse(text, PredictionMode.LL, new Bail());
            } catch (SyntaxError e) {
                throw new ConditionSyntaxException(e.offset, e.getMessage());
            } catch (StackOverflowError e) {
                throw new ConditionSyntaxException(0, "condition is nested too deeply");
            }
        } catch (SyntaxError e) {
            throw new ConditionSyntaxException(e.offset, e.getMessage());
        } catch (StackOverflowError e) {
            throw new ConditionSyntaxException(0, "condition is nested too deeply");
        }
    }

    private static Cond parse(String text, PredictionMode mode, DefaultErrorStrategy strategy) {
        SigmaConditionLexer lexer = new SigmaConditionLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new Throwing());
        SigmaConditionParser parser = new SigmaConditionParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(new Throwing());
        parser.setErrorHandler(strategy);
        parser.getInterpreter().setPredictionMode(mode);
        return new ConditionAstBuilder().visit(parser.condition());
    }

    /** No recovery, but report the error (with its position) through the listener before giving up. */
    private static final class Bail extends DefaultErrorStrategy {
        @Override
        public void recover(Parser recognizer, RecognitionException e) {
            throw new ParseCancellationException(e);
        }

        @Override
        public Token recoverInline(Parser recognizer) {
            InputMismatchHolder.report(this, recognizer);
            throw new ParseCancellationException("unreachable");
        }

        @Override
        public void sync(Parser recognizer) {
            // no single-token deletion or insertion
        }
    }

    private static final class InputMismatchHolder {
        static void report(DefaultErrorStrategy s, Parser p) {
            s.reportError(p, new org.antlr.v4.runtime.InputMismatchException(p));
        }
    }

    private static final class Throwing extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                                RecognitionException e) {
            int offset = offending instanceof Token t ? Math.max(0, t.getStartIndex()) : -1;
            if (offset < 0 && recognizer instanceof SigmaConditionLexer lx) {
                offset = lx._tokenStartCharIndex;
            }
            throw new SyntaxError(Math.max(0, offset), friendly(msg));
        }
    }

    /** Names tokens the way users write conditions. */
    static String friendly(String msg) {
        String m = msg.replace("IDENT", "<detection name>").replace("'<EOF>'", "end of condition")
                .replace("<EOF>", "end of condition");
        return m.startsWith("no viable alternative at input ") ? "unexpected " + m.substring(31) : m;
    }

    /** A positioned syntax problem, thrown by the listeners and by the AST builder. */
    static final class SyntaxError extends RuntimeException {
        final int offset;

        SyntaxError(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }
}
