package dev.rulec.lang.eql;

import java.util.List;

/** An EQL expression. {@code line} and {@code column} (1-based) are where it starts. */
public sealed interface EqlExpr {

    int line();

    int column();

    /** A field path; {@code optional} for {@code ?field} (a field the schema may lack). */
    record Field(int line, int column, String path, boolean optional) implements EqlExpr {
    }

    /** A literal: a String, Long, Double, Boolean, or {@code "null"} with {@code isNull}. */
    record Literal(int line, int column, Object value, boolean isNull) implements EqlExpr {
    }

    /** A function call; {@code insensitive} for the {@code ~} suffix ({@code startsWith~}). */
    record Call(int line, int column, String name, boolean insensitive, List<EqlExpr> args) implements EqlExpr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code and or == != < <= > >= + - * / %}. */
    record Binary(int line, int column, String op, EqlExpr left, EqlExpr right) implements EqlExpr {
    }

    record Not(int line, int column, EqlExpr operand) implements EqlExpr {
    }

    record Negate(int line, int column, EqlExpr operand) implements EqlExpr {
    }

    /** {@code value [not] in (…)} or {@code in~ (…)}. */
    record In(int line, int column, EqlExpr value, List<EqlExpr> list, boolean insensitive, boolean negated)
            implements EqlExpr {
        public In {
            list = List.copyOf(list);
        }
    }

    /** {@code :}, {@code like}, {@code like~}, {@code regex}, {@code regex~} against one or more patterns. */
    record StringMatch(int line, int column, EqlExpr value, String op, List<EqlExpr> patterns) implements EqlExpr {
        public StringMatch {
            patterns = List.copyOf(patterns);
        }
    }
}
