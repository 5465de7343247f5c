package dev.rulec.testsupport;

import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The queries of the detection-rules corpus under shared/, read with tomlj (the test skips when it is absent). */
public final class DetectionRulesCorpus {
    private DetectionRulesCorpus() {
    }

    /** One rule's query: its file (relative to the rules folder), language, index patterns and text. */
    public record CorpusQuery(String file, String language, List<String> index, String query) {
        @Override
        public String toString() {
            return file;
        }
    }

    private static volatile List<CorpusQuery> all;

    /** Every rule whose {@code rule.language} is {@code language} ({@code esql}, {@code eql}, {@code kuery}). */
    public static List<CorpusQuery> queries(String language) {
        Path rules = SharedFiles.require("corpus/detection-rules/rules");
        List<CorpusQuery> loaded = all;
        if (loaded == null) {
            loaded = load(rules);
            all = loaded;
        }
        return loaded.stream().filter(q -> q.language().equals(language)).toList();
    }

    /** The whole corpus is read once per test JVM: parsing ~2,000 TOML files is the slow part. */
    private static List<CorpusQuery> load(Path rules) {
        List<CorpusQuery> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".toml")).sorted().toList()) {
                TomlParseResult toml = Toml.parse(f);
                String language = toml.getString("rule.language");
                if (language != null && toml.getString("rule.query") != null) {
                    List<String> index = new ArrayList<>();
                    var arr = toml.getArray("rule.index");
                    if (arr != null) {
                        for (int i = 0; i < arr.size(); i++) {
                            index.add(arr.getString(i));
                        }
                    }
                    out.add(new CorpusQuery(rules.relativize(f).toString(), language, index, toml.getString("rule.query")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
