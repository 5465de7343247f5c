package dev.rulec.lint.checks;

import dev.rulec.ir.simplify.Simplifier;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.QueryLanguage;

import java.util.Optional;

/**
 * A query in a form where equal means "the same query", for duplicate detection: KQL as its simplified IR tree (so
 * spacing, quoting, parentheses and term order of duplicates do not matter), other languages as text with whitespace
 * collapsed.
 */
final class QueryForms {

    private QueryForms() {
    }

    static Optional<Object> normalForm(LoadedRule lr) {
        Optional<String> text = Queries.text(lr.rule().detection());
        Optional<QueryLanguage> lang = Queries.language(lr.rule().detection());
        if (text.isEmpty() || text.get().isBlank() || lang.isEmpty()) {
            return Optional.empty();
        }
        Optional<KqlQueries.Parsed> kql = KqlQueries.of(lr);
        if (kql.isPresent()) {
            return Optional.of(Simplifier.simplify(kql.get().expr()));
        }
        return Optional.of(lang.get().wireName() + ":" + collapse(text.get()));
    }

    /** Whitespace runs become one space; comments are not removed. */
    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
