package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;

import java.util.List;

/** How a front-end turns a rule's field name into the target's field names. */
@FunctionalInterface
public interface FieldMapping {

    /**
     * The target fields for {@code field} (a match on any of them counts), or an empty list when the field has no
     * mapping and the pipeline says that is an error (the caller reports it). Warnings go into {@code diags}.
     */
    List<MappedField> map(String field, SourcePos pos, Diagnostics diags);

    /** The pipeline's name, for messages. */
    default String name() {
        return "(none)";
    }

    /** Field names as written. */
    static FieldMapping identity() {
        return (f, p, d) -> List.of(new MappedField(f, false));
    }

    /**
     * One target field.
     *
     * @param substringOnly the field holds a text rendering of a structured value (CloudTrail's
     *                      {@code request_parameters}): only contains-style matches keep their meaning there
     */
    record MappedField(String name, boolean substringOnly) {
    }
}
