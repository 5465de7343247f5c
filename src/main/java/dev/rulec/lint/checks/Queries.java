package dev.rulec.lint.checks;

import dev.rulec.model.Detection;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.Scope;

import java.util.List;
import java.util.Optional;

/** The query text, language and indices of any detection, for checks that look at queries. */
final class Queries {

    private Queries() {
    }

    static Optional<String> text(Detection d) {
        if (d instanceof Detection.Query q) {
            return Optional.of(q.query());
        } else if (d instanceof Detection.Eql e) {
            return Optional.of(e.query());
        } else if (d instanceof Detection.Esql e) {
            return Optional.of(e.query());
        } else if (d instanceof Detection.NewTerms n) {
            return Optional.of(n.query());
        } else if (d instanceof Detection.Threshold t) {
            return Optional.of(t.query());
        } else if (d instanceof Detection.ThreatMatch t) {
            return Optional.of(t.query());
        } else if (d instanceof Detection.SavedQuery s) {
            return s.query();
        }
        return Optional.empty();
    }

    static Optional<QueryLanguage> language(Detection d) {
        if (d instanceof Detection.Query q) {
            return Optional.of(q.language());
        } else if (d instanceof Detection.Eql) {
            return Optional.of(QueryLanguage.EQL);
        } else if (d instanceof Detection.Esql) {
            return Optional.of(QueryLanguage.ESQL);
        } else if (d instanceof Detection.NewTerms n) {
            return Optional.of(n.language());
        } else if (d instanceof Detection.Threshold t) {
            return Optional.of(t.language());
        } else if (d instanceof Detection.ThreatMatch t) {
            return Optional.of(t.language());
        } else if (d instanceof Detection.SavedQuery s) {
            return Optional.of(s.language());
        }
        return Optional.empty();
    }

    /** Index patterns, or empty for ES|QL (its FROM names them), ML and data-view rules. */
    static List<String> indices(Detection d) {
        return scope(d).map(Scope::index).orElse(List.of());
    }

    static Optional<Scope> scope(Detection d) {
        return Scope.of(d);
    }
}
