package dev.rulec.lang.esql;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An ES|QL expression. Every node knows where it starts and the exact text it was parsed from. */
public sealed interface EsqlExpr {

    Loc loc();

    /** The source text of the expression (ES|QL names an unnamed EVAL or STATS column by it). */
    String text();

    /** A literal: {@code value} is a Long, Double, Boolean, String, List of those, or {@link #NULL}. */
    record Literal(Loc loc, String text, Object value, EsqlType type) implements EsqlExpr {
        public static final Object NULL = new Object() {
            @Override
            public String toString() {
                return "null";
            }
        };

        public Literal {
            Objects.requireNonNull(value, "value is null");
        }
    }

    /** A column by name; backtick quoting is removed. */
    record Column(Loc loc, String text, String name) implements EsqlExpr {
    }

    /** A query parameter: {@code ?}, {@code ?name}, {@code ?1}. */
    record Param(Loc loc, String text, String name) implements EsqlExpr {
    }

    /** A function call; {@code star} for {@code COUNT(*)}. */
    record Call(Loc loc, String text, String name, List<EsqlExpr> args, boolean star) implements EsqlExpr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** A map of options, {@code {"fuzziness": 1}}, passed to a function or a command. */
    record MapLit(Loc loc, String text, Map<String, EsqlExpr> entries) implements EsqlExpr {
        public MapLit {
            entries = Map.copyOf(entries);
        }
    }

    /** Arithmetic ({@code + - * / %}), comparison ({@code == != < <= > >=}) and logic ({@code and or}). */
    record Binary(Loc loc, String text, String op, EsqlExpr left, EsqlExpr right) implements EsqlExpr {
    }

    record Not(Loc loc, String text, EsqlExpr operand) implements EsqlExpr {
    }

    record Negate(Loc loc, String text, EsqlExpr operand) implements EsqlExpr {
    }

    record In(Loc loc, String text, EsqlExpr value, List<EsqlExpr> list, boolean negated) implements EsqlExpr {
        public In {
            list = List.copyOf(list);
        }
    }

    /** {@code LIKE} (wildcards {@code * ?}) or {@code RLIKE} (Lucene regular expression). */
    record Like(Loc loc, String text, EsqlExpr value, List<String> patterns, boolean regex, boolean negated)
            implements EsqlExpr {
        public Like {
            patterns = List.copyOf(patterns);
        }
    }

    record IsNull(Loc loc, String text, EsqlExpr value, boolean negated) implements EsqlExpr {
    }

    /** {@code value::type}. */
    record Cast(Loc loc, String text, EsqlExpr value, String type) implements EsqlExpr {
    }

    /** The full-text match operator {@code field : "query"}. */
    record MatchOp(Loc loc, String text, EsqlExpr field, EsqlExpr query) implements EsqlExpr {
    }
}
