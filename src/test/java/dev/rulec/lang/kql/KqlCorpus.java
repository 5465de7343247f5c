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
                TomlParseResult toml = Toml.parse(f);
                String type = toml.getString("rule.type");
                String lang = toml.getString("rule.language");
                if (type == null || !KQL_TYPES.contains(type) || (lang != null && !lang.equals("kuery"))) {
                    continue;
                }
                for (String key : List.of("query", "threat_query")) {
                    String q = toml.getString("rule." + key);
                    if (q != null) {
                        out.add(new Query(f, key, q, start(f, toml.inputPositionOf("rule." + key))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** tomlj gives the key's position; the value starts after {@code = '''} (and a trimmed newline). Approximate. */
    private static SourcePos start(Path f, TomlPosition keyPos) {
        String name = f.getFileName().toString();
        return keyPos == null ? SourcePos.startOf(name) : new SourcePos(name, keyPos.line(), keyPos.column());
    }
}
