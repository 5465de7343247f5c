package dev.rulec.lint.checks;

import dev.rulec.model.LoadedRule;
import dev.rulec.model.QueryLanguage;

import java.util.Optional;

/** A query in a form where equal means "the same query", for duplicate detection. */
final class QueryForms {

    private QueryForms() {
    }

    static Optional<Object> normalForm(LoadedRule lr) {
        Optional<String> text = Queries.text(lr.rule().detection());
        Optional<QueryLanguage> lang = Queries.language(lr.rule().detection());
        if (text.isEmpty() || text.get().isBlank() || lang.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(lang.get().wireName() + ":" + collapse(text.get()));
    }

    /** Whitespace runs become one space; comments are not removed. */
    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
