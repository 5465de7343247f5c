package dev.rulec.lang;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * The first syntax error ends the parse with a {@link QuerySyntaxException}: "unexpected [x], expecting …", the
 * expected tokens under friendly names ({@code <value>}, {@code <term>}), at the offending token's char index.
 */
public final class ThrowingErrorListener extends BaseErrorListener {
    private final String code;
    private final IntUnaryOperator charIndex;
    private final IntFunction<String> tokenName;
    private final Function<Token, String> hint;

    /**
     * @param charIndex the UTF-16 index of a code point index (ANTLR counts code points)
     * @param tokenName a friendly name per token type; types with the same name are listed once
     * @param hint      the hint for an offending token ({@code ""} for none)
     */
    public ThrowingErrorListener(String code, IntUnaryOperator charIndex, IntFunction<String> tokenName,
                                 Function<Token, String> hint) {
        this.code = code;
        this.charIndex = charIndex;
        this.tokenName = tokenName;
        this.hint = hint;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                            RecognitionException e) {
        Token t = (Token) offending;
        String found = t.getType() == Token.EOF ? "end of query" : "[" + t.getText() + "]";
        Set<String> names = new LinkedHashSet<>();
        for (int type : ((Parser) recognizer).getExpectedTokens().toList()) {
            names.add(type == Token.EOF ? "end of query" : tokenName.apply(type));
        }
        List<String> l = new ArrayList<>(names);
        throw new QuerySyntaxException(code, charIndex.applyAsInt(t.getStartIndex()), "unexpected " + found
                + ", expecting " + (l.size() == 1 ? l.get(0) : "one of " + String.join(", ", l)), hint.apply(t));
    }
}
