package dev.rulec.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled tables under {@code src/main/resources/schema/} (see the README there for sources and licences), each read
 * once, on first use, so a command that never looks at a schema pays nothing.
 */
final class BuiltinSchemas {
    private BuiltinSchemas() {
    }

    /**
     * A bundled data stream table, a concrete data stream name its index template would cover, and whether ECS fields
     * the table does not list are mapped too (AWS: by the {@code ecs@mappings} template, since the package stopped
     * listing them; system.security: its agent/host field files could not be read, and the {@code ecs@mappings}
     * template maps those ECS fields; Elastic Defend maps with {@code dynamic: false}, so only what it lists).
     */
    private record Stream(String table, String dataStream, boolean withEcs) {
    }

    private static final List<Stream> STREAMS = List.of(
            new Stream("aws.cloudtrail", "logs-aws.cloudtrail-default", true),
            new Stream("aws.guardduty", "logs-aws.guardduty-default", true),
            new Stream("endpoint.process", "logs-endpoint.events.process-default", false),
            new Stream("endpoint.file", "logs-endpoint.events.file-default", false),
            new Stream("windows.sysmon_operational", "logs-windows.sysmon_operational-default", false),
            new Stream("system.security", "logs-system.security-default", true));

    private static final Map<String, TableSchema> CACHE = new ConcurrentHashMap<>();

    static TableSchema ecs() {
        return table("ecs");
    }

    /** Names of the bundled data stream tables, for listings. */
    static List<String> streamTables() {
        return STREAMS.stream().map(Stream::table).toList();
    }

    private static final Map<List<String>, Schema> BY_PATTERNS = new ConcurrentHashMap<>();
    private static final Map<List<String>, Schema> BY_TABLES = new ConcurrentHashMap<>();

    /** Memoised: rules share a few dozen pattern lists, and a union of tables is costly to build. */
    static boolean coversAll(List<String> patterns) {
        boolean any = false;
        for (String raw : patterns) {
            String pattern = raw.trim();
            if (pattern.isEmpty() || pattern.startsWith("-")) {
                continue;
            }
            any = true;
            boolean covered = STREAMS.stream().anyMatch(s -> IndexPatterns.matches(pattern, s.dataStream())
                    && pattern.startsWith(s.dataStream().substring(0, s.dataStream().length() - "-default".length())));
            if (!covered) {
                return false;
            }
        }
        return any;
    }

    static Schema forIndexPatterns(List<String> patterns) {
        return BY_PATTERNS.computeIfAbsent(List.copyOf(patterns), BuiltinSchemas::build);
    }

    private static Schema build(List<String> patterns) {
        List<Stream> read = new ArrayList<>();
        boolean plainEcs = patterns.isEmpty();
        for (String raw : patterns) {
            String pattern = raw.trim();
            if (pattern.isEmpty() || pattern.startsWith("-")) {
                continue;
            }
            boolean matched = false;
            boolean narrow = false;
            for (Stream s : STREAMS) {
                narrow |= pattern.startsWith(s.dataStream().substring(0, s.dataStream().length() - "-default".length()));
                if (IndexPatterns.matches(pattern, s.dataStream())) {
                    matched = true;
                    if (!read.contains(s)) {
                        read.add(s);
                    }
                }
            }
            // A wider pattern (logs-endpoint.*) also reads data streams rulec has no table for: ECS stands in for them.
            plainEcs |= !matched || !narrow;
        }
        List<String> names = new ArrayList<>(read.stream().map(Stream::table).toList());
        if (plainEcs) {
            names.add(0, "ecs");
        }
        // Many pattern lists read the same tables: one schema (and one sorted name list) per combination, built once.
        boolean withPlainEcs = plainEcs;
        return BY_TABLES.computeIfAbsent(List.copyOf(names), k -> {
            List<TableSchema> parts = new ArrayList<>();
            if (withPlainEcs) {
                parts.add(ecs());
            }
            for (Stream s : read) {
                parts.add(s.withEcs() ? TableSchema.overlay(ecs(), table(s.table()), "ECS + " + s.table()) : table(s.table()));
            }
            return TableSchema.union(parts, String.join(" + ", parts.stream().map(TableSchema::description).toList()));
        });
    }

    static TableSchema table(String name) {
        return CACHE.computeIfAbsent(name, BuiltinSchemas::load);
    }

    private static TableSchema load(String name) {
        String resource = "/schema/" + name + ".tsv";
        try (InputStream in = BuiltinSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled schema " + resource + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, FieldInfo> fields = new LinkedHashMap<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    FieldInfo f = TsvRow.parse(line);
                    fields.put(f.name(), f);
                }
            }
            return new TableSchema(fields, name.equals("ecs") ? "ECS" : name);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bundled schema " + resource, e);
        }
    }
}
