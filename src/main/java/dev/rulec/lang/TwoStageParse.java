package dev.rulec.lang;

import org.antlr.v4.runtime.ANTLRErrorListener;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.function.Function;

/**
 * ANTLR's fast path: SLL prediction, giving up at the first problem; only then the full LL parse, whose errors go to
 * {@code onError} (which throws, so ANTLR never invents or drops tokens).
 */
public final class TwoStageParse {
    private TwoStageParse() {
    }

    public static <P extends Parser, T> T run(P parser, ANTLRErrorListener onError, Function<P, T> entry) {
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return entry.apply(parser);
        } catch (ParseCancellationException e) {
            parser.getTokenStream().seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(onError);
            return entry.apply(parser);
        }
    }
}
