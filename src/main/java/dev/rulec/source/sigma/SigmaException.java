package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.SourcePos;

/**
 * A user error in a Sigma document, thrown inside the front-end and turned into a {@link Diagnostic} at the
 * rule boundary, so one bad rule never stops the others.
 */
public final class SigmaException extends Exception {
    private final String code;
    private final SourcePos pos;
    private final String hint;

    public SigmaException(String code, SourcePos pos, String message, String hint) {
        super(message, null, false, false);
        this.code = code;
        this.pos = pos;
        this.hint = hint;
    }

    public SigmaException(String code, SourcePos pos, String message) {
        this(code, pos, message, "");
    }

    public Diagnostic toDiagnostic() {
        return Diagnostic.error(code, pos, getMessage(), hint);
    }

    public SourcePos pos() {
        return pos;
    }

    public String code() {
        return code;
    }

    /** The same problem with another message (e.g. with context added). */
    public SigmaException withMessage(String message) {
        return new SigmaException(code, pos, message, hint);
    }

    /** The pipeline cannot map a field or value of the rule: another pipeline for the data source may. */
    public boolean isMappingGap() {
        return code.equals("pipeline.unmapped-field") || code.equals("pipeline.unmapped-value");
    }
}
