package dev.rulec.source.sigma.condition;

import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Sigma condition. {@code offset} is the index of the node's first character in the condition text,
 * so errors found later (an undefined name) can point at it. Offsets take no part in meaning.
 */
public sealed interface Cond {

    int offset();

    record Ident(String name, int offset) implements Cond {
        public Ident {
            Objects.requireNonNull(name, "name is null");
        }
    }

    /** {@code 1 of pattern}, {@code all of them}…; an empty pattern means {@code them}. */
    record Of(Quantifier quantifier, Optional<String> pattern, int offset) implements Cond {
        public Of {
            Objects.requireNonNull(quantifier, "quantifier is null");
            Objects.requireNonNull(pattern, "pattern is null");
        }
    }

    record And(Cond left, Cond right, int offset) implements Cond {
    }

    record Or(Cond left, Cond right, int offset) implements Cond {
    }

    record Not(Cond operand, int offset) implements Cond {
    }

    enum Quantifier { ANY, ALL }
}
