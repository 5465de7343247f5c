package dev.rulec.lint.checks;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.Expr;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.QueryLanguage;
import dev.rulec.schema.Schema;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * A rule's KQL query parsed into the IR with the built-in schema of its indices (field-name patterns expanded against
 * it). Syntax errors are not lint's to report (compilation reports them): such queries are skipped.
 */
final class KqlQueries {

    /** @param schema the built-in schema for the rule's index patterns */
    record Parsed(Expr expr, Schema schema) {
    }

    /** Parsed queries by rule, dropped with the rules (several checks and the duplicate search share them). */
    private static final Map<LoadedRule, Optional<Parsed>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private KqlQueries() {
    }

    static Optional<Parsed> of(LoadedRule lr) {
        Optional<Parsed> p = CACHE.get(lr);
        if (p == null) {
            p = parse(lr);
            CACHE.put(lr, p);
        }
        return p;
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
