package dev.rulec.lint.checks;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.Expr;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.QueryLanguage;
import dev.rulec.schema.Schema;

import java.util.Optional;

/**
 * A rule's KQL query parsed into the IR with the built-in schema of its indices (field-name patterns expanded against
 * it). Syntax errors are not lint's to report (compilation reports them): such queries are skipped. The last result
 * is kept, since the linter runs every check on one rule before the next.
 */
final class KqlQueries {

    /** @param schema the built-in schema for the rule's index patterns */
    record Parsed(Expr expr, Schema schema) {
    }

    private static LoadedRule lastRule;
    private static Optional<Parsed> lastResult = Optional.empty();

    private KqlQueries() {
    }

    static synchronized Optional<Parsed> of(LoadedRule lr) {
        if (lr == lastRule) {
            return lastResult;
        }
        lastRule = lr;
        lastResult = parse(lr);
        return lastResult;
    }

    private static Optional<Parsed> parse(LoadedRule lr) {
        Optional<QueryLanguage> lang = Queries.language(lr.rule().detection());
        Optional<String> text = Queries.text(lr.rule().detection());
        if (lang.isEmpty() || lang.get() != QueryLanguage.KUERY || text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        Schema schema = Schema.forIndexPatterns(Queries.indices(lr.rule().detection()));
        return KqlParser.parse(text.get(), lr.origin(), schema.fieldNames(), new Diagnostics())
                .map(e -> new Parsed(e, schema));
    }
}
