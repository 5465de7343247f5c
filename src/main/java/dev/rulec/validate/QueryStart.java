package dev.rulec.validate;

import dev.rulec.diag.SourcePos;
import dev.rulec.model.LoadedRule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a query's text begins in its rule file, so that a parser's line:col inside the query becomes the file's.
 * Only asked for when a query has a problem: it reads the file's line again.
 */
public final class QueryStart {

    private QueryStart() {
    }

    /** @param keyPath the query's key ({@code rule.query}); the rule's origin when the file does not say */
    public static SourcePos of(LoadedRule rule, String keyPath) {
        Optional<SourcePos> key = rule.positions().of(keyPath);
        if (key.isEmpty() || rule.format() != LoadedRule.SourceFormat.TOML) {
            return rule.origin();
        }
        SourcePos k = key.get();
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(k.file()));
        } catch (IOException | RuntimeException e) {
            return k;
        }
        if (k.line() > lines.size()) {
            return k;
        }
        String line = lines.get(k.line() - 1);
        int eq = line.indexOf('=', k.column() - 1);
        if (eq < 0) {
            return k;
        }
        int i = eq + 1;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        String rest = line.substring(i);
        for (String delim : List.of("'''", "\"\"\"")) {
            if (rest.startsWith(delim)) {
                // TOML drops a newline right after the opening delimiter: the text starts on the next line.
                return rest.length() == delim.length() ? k.at(k.line() + 1, 1) : k.at(k.line(), i + delim.length() + 1);
            }
        }
        return rest.startsWith("'") || rest.startsWith("\"") ? k.at(k.line(), i + 2) : k;
    }
}
