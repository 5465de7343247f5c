package dev.rulec.schema;

import dev.rulec.diag.Diagnostics;
import dev.rulec.target.FieldTypes;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The fields a query may name, with their mapping types. Built-in tables (ECS and integration data streams, chosen by
 * index pattern), a user's schema file, or a live cluster's {@code _field_caps}.
 */
public interface Schema {

    /** The field or multi-field with this dotted name. */
    Optional<FieldInfo> field(String name);

    /** Every field name the schema declares (multi-fields not included), sorted. */
    SortedSet<String> fieldNames();

    /** A short description of where the schema comes from, for messages ("ECS + aws.cloudtrail"). */
    String description();

    /** Whether a name is a key inside a {@code flattened} field: such keys are not mapped one by one. */
    default boolean isFlattenedKey(String name) {
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            if (field(name.substring(0, dot)).map(i -> i.type().equals("flattened")).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The schema seen as the target layer's field-type lookup. */
    default FieldTypes asFieldTypes() {
        return f -> field(f).map(FieldInfo::type);
    }

    /** The Elastic Common Schema alone. */
    static Schema ecs() {
        return BuiltinSchemas.ecs();
    }

    /**
     * The built-in schema for the indices a rule reads: ECS plus every bundled integration data stream that one of the
     * patterns covers (e.g. {@code logs-aws.cloudtrail-*} adds the {@code aws.cloudtrail} table).
     */
    static Schema forIndexPatterns(List<String> indexPatterns) {
        return BuiltinSchemas.forIndexPatterns(indexPatterns);
    }

    /**
     * The built-in schema only when every pattern reads bundled data streams alone ({@code logs-aws.cloudtrail-*}); empty
     * for any pattern whose fields rulec cannot know ({@code logs-okta.system-*}, {@code logs-*}), so that a caller can
     * refrain from calling their fields unknown.
     */
    static Optional<Schema> bundledFor(List<String> indexPatterns) {
        return BuiltinSchemas.coversAll(indexPatterns) ? Optional.of(forIndexPatterns(indexPatterns)) : Optional.empty();
    }

    /** A user schema file: YAML ({@code field: type} or {@code field: {type: …, fields: {sub: type}}}) or TSV. */
    static Optional<Schema> fromFile(Path file, Diagnostics diagnostics) {
        return UserSchemaReader.read(file, diagnostics);
    }

    /** The fields a live cluster maps for these index patterns, read with {@code _field_caps}. */
    static Schema fromFieldCaps(String url, List<String> indexPatterns) throws SchemaUnavailableException {
        return FieldCapsReader.read(url, indexPatterns, Optional.empty());
    }

    /**
     * The schema of a {@code _field_caps} answer a caller fetched itself (with its own client, TLS and error handling);
     * a field mapped with different types in different indices has the type {@code unsupported}, as ES|QL reads it.
     */
    static Schema fromFieldCaps(co.elastic.clients.elasticsearch.core.FieldCapsResponse response, String description) {
        return FieldCapsReader.of(response, description);
    }

    /**
     * The same, sending an {@code Authorization} header value ({@code Basic …} or {@code ApiKey …}) to a cluster with
     * security on.
     */
    static Schema fromFieldCaps(String url, List<String> indexPatterns, Optional<String> authorization)
            throws SchemaUnavailableException {
        return FieldCapsReader.read(url, indexPatterns, authorization);
    }
}
