package dev.rulec.testsupport;

import dev.rulec.target.FieldTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Field types from ../shared/schemas (ECS first, then the integration tables for fields ECS lacks), multi-fields
 * included ({@code process.name.caseless} → {@code keyword}, parent {@code process.name}). Test support only; skips
 * the calling test when ../shared is absent.
 */
public final class SchemaTables implements FieldTypes {

    private static final List<String> TABLES = List.of("ecs.tsv", "aws.cloudtrail.tsv", "aws.guardduty.tsv",
            "endpoint.process.tsv", "endpoint.file.tsv", "windows.sysmon_operational.tsv", "system.security.tsv");

    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> multiFieldParent = new HashMap<>();

    public static SchemaTables load() {
        Path dir = SharedFiles.require("schemas");
        SchemaTables t = new SchemaTables();
        try {
            for (String table : TABLES) {
                List<String> lines = Files.readAllLines(dir.resolve(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] c = line.split("\t", -1);
                    t.types.putIfAbsent(c[0], c[1]);
                    if (!c[2].isEmpty()) {
                        for (String mf : c[2].split(",")) {
                            String[] nt = mf.split(":");
                            String sub = c[0] + "." + nt[0];
                            if (t.types.putIfAbsent(sub, nt[1]) == null) {
                                t.multiFieldParent.put(sub, c[0]);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return t;
    }

    /** Every field name the tables know, multi-fields included. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(types.keySet());
    }

    @Override
    public Optional<String> typeOf(String field) {
        return Optional.ofNullable(types.get(field));
    }

    /** The parent of a multi-field ({@code process.name} for {@code process.name.caseless}). */
    public Optional<String> parentOf(String field) {
        return Optional.ofNullable(multiFieldParent.get(field));
    }
}
