package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.SourcePos;

import java.util.ArrayList;
import java.util.List;

/**
 * A user error in a Sigma document, thrown inside the front-end and turned into a {@link Diagnostic} at the
 * rule boundary, so one bad rule never stops the others. It may carry the rule's further problems, found by going on
 * past the first one, so that one run reports everything to fix in a rule rather than one problem per run.
 */
public final class SigmaException extends Exception {
    private final String code;
    private final SourcePos pos;
    private final String hint;
    private final List<SigmaException> more;

    private SigmaException(String code, SourcePos pos, String message, String hint, List<SigmaException> more) {
        super(message, null, false, false);
        this.code = code;
        this.pos = pos;
        this.hint = hint;
        this.more = List.copyOf(more);
    }

    public SigmaException(String code, SourcePos pos, String message, String hint) {
        this(code, pos, message, hint, List.of());
    }

    public SigmaException(String code, SourcePos pos, String message) {
        this(code, pos, message, "");
    }

    /** Several problems of one rule, in the order found, as one exception (at least one problem). */
    public static SigmaException of(List<SigmaException> problems) {
        List<SigmaException> flat = new ArrayList<>();
        for (SigmaException p : problems) {
            flat.addAll(p.problems());
        }
        SigmaException first = flat.get(0);
        return new SigmaException(first.code, first.pos, first.getMessage(), first.hint, flat.subList(1, flat.size()));
    }

    /** This problem and the further ones it carries, each on its own. */
    public List<SigmaException> problems() {
        List<SigmaException> all = new ArrayList<>();
        all.add(new SigmaException(code, pos, getMessage(), hint));
        all.addAll(more);
        return all;
    }

    public Diagnostic toDiagnostic() {
        return Diagnostic.error(code, pos, getMessage(), hint);
    }

    /** One diagnostic per problem. */
    public List<Diagnostic> toDiagnostics() {
        return problems().stream().map(SigmaException::toDiagnostic).toList();
    }

    public SourcePos pos() {
        return pos;
    }

    public String code() {
        return code;
    }

    /** The same first problem with another message (e.g. with context added); the further problems are kept. */
    public SigmaException withMessage(String message) {
        return new SigmaException(code, pos, message, hint, more);
    }

    /**
     * The pipeline cannot map a field or value of the rule (one of the problems is such a gap): another pipeline for
     * the data source may map the rule, and its other problems may have come from this pipeline's mapping.
     */
    public boolean isMappingGap() {
        return problems().stream().anyMatch(p -> p.code.equals("pipeline.unmapped-field")
                || p.code.equals("pipeline.unmapped-value"));
    }
}
