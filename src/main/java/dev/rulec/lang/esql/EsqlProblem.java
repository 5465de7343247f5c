package dev.rulec.lang.esql;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.SourcePos;

/**
 * A problem with an ES|QL query at a 1-based line and column of the query text. {@link Kind} tells which of
 * Elasticsearch's checks would refuse it: its parser ({@code parsing_exception}) or its verifier
 * ({@code verification_exception}); detection-engine requirements are rulec's own.
 */
public record EsqlProblem(Kind kind, int line, int column, String message) {

    public enum Kind {
        /** Elasticsearch's parser refuses it: syntax, arity, a command or keyword the version lacks. */
        PARSING,
        /** Elasticsearch's verifier refuses it: unknown column, index or function, type mismatch. */
        VERIFICATION,
        /** Elasticsearch runs it, but the detection engine cannot use it as a rule. */
        DETECTION
    }

    /** {@code line L:C: message}, as Elasticsearch prints it. */
    @Override
    public String toString() {
        return "line " + line + ":" + column + ": " + message;
    }

    /**
     * A diagnostic at the problem's place in a file, where the query text starts at {@code queryStart} (a query on the
     * first line of its text is shifted by the start column; later lines are not).
     */
    public Diagnostic toDiagnostic(SourcePos queryStart, String hint) {
        String code = switch (kind) {
            case PARSING -> "esql.syntax";
            case VERIFICATION -> "esql.verify";
            case DETECTION -> "esql.detection";
        };
        return Diagnostic.error(code, queryStart.inside(line, column), message, hint);
    }
}
