package dev.rulec.lang.eql;

import java.util.List;
import java.util.Optional;

/** A parsed EQL statement: an event query, a sequence or a sample, then pipes. */
public sealed interface EqlQuery {

    List<Pipe> pipes();

    /** {@code category where condition}; category {@code any} matches every event. */
    record EventQuery(String category, EqlExpr condition) {
    }

    /** One bracketed query of a sequence or sample, with its join keys. */
    record Term(EventQuery query, List<EqlExpr> by, boolean missing, Optional<Long> runs) {
        public Term {
            by = List.copyOf(by);
        }
    }

    /** {@code | head 5}, {@code | filter …}, {@code | unique a, b}. */
    record Pipe(String name, List<EqlExpr> args) {
        public Pipe {
            args = List.copyOf(args);
        }
    }

    record Event(EventQuery query, List<Pipe> pipes) implements EqlQuery {
        public Event {
            pipes = List.copyOf(pipes);
        }
    }

    record Sequence(List<EqlExpr> by, Optional<String> maxspan, List<Term> terms, Optional<Term> until, List<Pipe> pipes)
            implements EqlQuery {
        public Sequence {
            by = List.copyOf(by);
            terms = List.copyOf(terms);
            pipes = List.copyOf(pipes);
        }
    }

    record Sample(List<EqlExpr> by, List<Term> terms, List<Pipe> pipes) implements EqlQuery {
        public Sample {
            by = List.copyOf(by);
            terms = List.copyOf(terms);
            pipes = List.copyOf(pipes);
        }
    }
}
