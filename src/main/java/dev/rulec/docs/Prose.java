package dev.rulec.docs;

import dev.rulec.model.Rule;
import dev.rulec.model.Translations;

import java.util.List;
import java.util.Optional;

/** A rule's own prose in one language: the rule's translation when it carries one, else the text as written. */
record Prose(String name, String description, Optional<String> note, Optional<String> setup,
             List<String> falsePositives) {

    static Prose of(Rule rule, DocLanguage lang) {
        Optional<Translations.Text> t = rule.translations().forLanguage(lang.tag());
        if (t.isEmpty()) {
            return new Prose(rule.name(), rule.description(), rule.about().note(), rule.about().setup(),
                    rule.about().falsePositives());
        }
        Translations.Text x = t.get();
        return new Prose(x.name().orElse(rule.name()), x.description().orElse(rule.description()),
                x.note().or(() -> rule.about().note()), x.setup().or(() -> rule.about().setup()),
                x.falsePositives().isEmpty() ? rule.about().falsePositives() : x.falsePositives());
    }
}
