package dev.rulec.check;

import dev.rulec.diag.SourcePos;
import dev.rulec.model.LoadedRule;
import dev.rulec.validate.QueryStart;

/**
 * Where a field is named in a rule's query: the query's start in the rule file, moved to the field's first occurrence
 * as a whole name when the file holds the query as written (TOML). Sigma rules hold a generated query: their fields are
 * reported at the query's key.
 */
final class FieldPositions {
    private final SourcePos start;
    private final String text;
    private final boolean exact;

    FieldPositions(LoadedRule rule, String keyPath, String text) {
        this.exact = rule.format() == LoadedRule.SourceFormat.TOML;
        this.start = exact ? QueryStart.of(rule, keyPath) : rule.posOf(keyPath);
        this.text = text;
    }

    SourcePos start() {
        return start;
    }

    /** A parser's 1-based line:col inside the query. */
    SourcePos at(int line, int column) {
        return exact ? start.inside(line, column) : start;
    }

    SourcePos of(String field) {
        if (!exact) {
            return start;
        }
        for (int i = text.indexOf(field); i >= 0; i = text.indexOf(field, i + 1)) {
            int end = i + field.length();
            if ((i == 0 || !nameChar(text.charAt(i - 1))) && (end == text.length() || !nameChar(text.charAt(end)))) {
                return start.advancedBy(text, i);
            }
        }
        return start;
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '@' || c == '-';
    }
}
