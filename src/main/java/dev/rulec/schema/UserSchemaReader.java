package dev.rulec.schema;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's schema file. TSV: {@code field<TAB>type[<TAB>sub:type,…]} per line, {@code #} comments. YAML: a map of
 * {@code field: type}, or {@code field: {type: keyword, fields: {caseless: keyword}}}.
 */
final class UserSchemaReader {
    private UserSchemaReader() {
    }

    static Optional<Schema> read(Path file, Diagnostics diags) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diags.error("schema.unreadable", SourcePos.startOf(file.toString()), "cannot read schema file: " + e.getMessage(),
                    "check the path given for the schema");
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        long before = diags.errorCount();
        Map<String, FieldInfo> fields = name.endsWith(".tsv") ? readTsv(file.toString(), text, diags)
                : readYaml(file.toString(), text, diags);
        return diags.errorCount() > before ? Optional.empty() : Optional.of(new TableSchema(fields, name));
    }

    private static Map<String, FieldInfo> readTsv(String file, String text, Diagnostics diags) {
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || (i == 0 && line.startsWith("field\t"))) {
                continue;
            }
            try {
                FieldInfo f = TsvRow.parse(line);
                fields.put(f.name(), f);
            } catch (IllegalArgumentException e) {
                diags.error("schema.bad-row", new SourcePos(file, i + 1, 1), e.getMessage(),
                        "write one field per line: name, a tab, the mapping type");
            }
        }
        return fields;
    }

    private static Map<String, FieldInfo> readYaml(String file, String text, Diagnostics diags) {
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            diags.error("schema.bad-yaml", new SourcePos(file, mark.getLine() + 1, mark.getColumn() + 1),
                    "invalid YAML: " + e.getProblem(), "");
            return fields;
        } catch (RuntimeException e) {
            diags.error("schema.bad-yaml", SourcePos.startOf(file), "invalid YAML: " + e.getMessage(), "");
            return fields;
        }
        if (!(root instanceof Map<?, ?> map)) {
            diags.error("schema.bad-yaml", SourcePos.startOf(file), "a schema file must be a map of field: type",
                    "write e.g. `process.name: keyword`");
            return fields;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String field = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (v instanceof String type) {
                fields.put(field, FieldInfo.of(field, type));
            } else if (v instanceof Map<?, ?> m && m.get("type") instanceof String type) {
                Map<String, String> multi = new LinkedHashMap<>();
                if (m.get("fields") instanceof Map<?, ?> subs) {
                    subs.forEach((k, t) -> multi.put(String.valueOf(k), String.valueOf(t)));
                }
                fields.put(field, new FieldInfo(field, type, multi));
            } else {
                diags.error("schema.bad-field", SourcePos.startOf(file), "field `" + field + "` has no type",
                        "write `" + field + ": keyword` or `" + field + ": {type: keyword}`");
            }
        }
        return fields;
    }
}
