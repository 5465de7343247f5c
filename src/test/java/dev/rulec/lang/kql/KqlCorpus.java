package dev.rulec.lang.kql;

import dev.rulec.diag.SourcePos;
import dev.rulec.testsupport.SharedFiles;

import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The KQL queries of the detection-rules corpus (skips when ../shared is absent). */
public final class KqlCorpus {

    /** Rule types whose {@code query} is KQL when {@code language} is {@code kuery} or absent. */
    private static final Set<String> KQL_TYPES = Set.of("query", "new_terms", "threshold", "threat_match");

    public record Query(Path file, String key, String text, SourcePos start) {
        public String name() {
            return file.getFileName() + (key.equals("query") ? "" : " (" + key + ")");
        }
    }

    private KqlCorpus() {
    }

    public static List<Query> load() {
        Path root = SharedFiles.require("corpus/detection-rules/rules");
        List<Query> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".toml")).sorted().toList()) {
                String raw = Files.readString(f);
                if (!raw.contains("kuery") && raw.contains("language")) {
                    continue; // a shortcut only: the TOML below decides
                }
                TomlParseResult toml = Toml.parse(raw);
                String type = toml.getString("rule.type");
                String lang = toml.getString("rule.language");
                if (type == null || !KQL_TYPES.contains(type) || (lang != null && !lang.equals("kuery"))) {
                    continue;
                }
                for (String key : List.of("query", "threat_query")) {
                    String q = toml.getString("rule." + key);
                    if (q != null) {
                        out.add(new Query(f, key, q, start(f, raw, toml.inputPositionOf("rule." + key))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** tomlj gives the key's position; the value starts after the opening quotes (a newline right after them is trimmed). */
    private static SourcePos start(Path f, String raw, TomlPosition keyPos) {
        String name = f.getFileName().toString();
        if (keyPos == null) {
            return SourcePos.startOf(name);
        }
        String line = raw.split("\n", -1)[keyPos.line() - 1];
        int col = line.indexOf('=', keyPos.column() - 1) + 1;
        while (col < line.length() && line.charAt(col) == ' ') {
            col++;
        }
        String rest = line.substring(col);
        int quote = rest.startsWith("\"\"\"") || rest.startsWith("'''") ? 3 : 1;
        if (quote == 3 && rest.length() == 3) {
            return new SourcePos(name, keyPos.line() + 1, 1);
        }
        return new SourcePos(name, keyPos.line(), col + quote + 1);
    }
}
