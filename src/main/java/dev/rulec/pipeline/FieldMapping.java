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

    /** Why the data source does not record {@code field}, when the pipeline says so (for the error message). */
    default java.util.Optional<String> unrecorded(String field) {
        return java.util.Optional.empty();
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
     * @param values        when not empty, the rule's values (lower case) → the target's values: the source and
     *                      the target spell the same facts differently (Sysmon {@code Initiated: true} is ECS
     *                      {@code network.direction: egress}); only exact matches of listed values can be mapped
     * @param keyed         when not empty, the source field packs {@code KEY=value} items into one string (Sysmon's
     *                      {@code Hashes}) that the target keeps in one field per key: key (lower case) → field;
     *                      only contains-matches of one whole {@code KEY=value} item can be mapped
     * @param joined        when present, the source value is two parts joined by a separator (Sysmon's
     *                      {@code DOMAIN\name}) that the target keeps in two fields; {@code name} is the first
     * @param warn          when present, the mapping is faithful but the data source may leave the target field
     *                      empty in these events: every use is reported with this text
     */
    record MappedField(String name, boolean substringOnly, java.util.Map<String, String> values,
                       java.util.Map<String, KeyedTarget> keyed, java.util.Optional<JoinedField> joined,
                       java.util.Optional<String> warn) {
        public MappedField {
            java.util.Objects.requireNonNull(name, "name is null");
            values = java.util.Map.copyOf(values);
            keyed = java.util.Map.copyOf(keyed);
            java.util.Objects.requireNonNull(joined, "joined is null");
            java.util.Objects.requireNonNull(warn, "warn is null");
        }

        public MappedField(String name, boolean substringOnly, java.util.Map<String, String> values,
                           java.util.Map<String, KeyedTarget> keyed) {
            this(name, substringOnly, values, keyed, java.util.Optional.empty(), java.util.Optional.empty());
        }

        public MappedField(String name, boolean substringOnly, java.util.Map<String, String> values) {
            this(name, substringOnly, values, java.util.Map.of());
        }

        /** The two fields of a joined source field. */
        public static MappedField joined(JoinedField j) {
            return new MappedField(j.first(), false, java.util.Map.of(), java.util.Map.of(), java.util.Optional.of(j),
                    java.util.Optional.empty());
        }

        public MappedField withWarn(String text) {
            return new MappedField(name, substringOnly, values, keyed, joined, java.util.Optional.of(text));
        }

        public MappedField(String name, boolean substringOnly) {
            this(name, substringOnly, java.util.Map.of(), java.util.Map.of());
        }
    }

    /** The field for one key of a packed source field, and the exact length its values have (0: any). */
    record KeyedTarget(String field, int length) {
    }
}
