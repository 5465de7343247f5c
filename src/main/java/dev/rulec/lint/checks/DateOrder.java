package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Metadata;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** {@code creation_date} and {@code updated_date} are {@code YYYY/MM/DD} dates, the first not after the second. */
public final class DateOrder implements RuleCheck {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);

    public String id() {
        return "date-order";
    }

    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    public String rationale() {
        return "A rule cannot be updated before it was created; wrong dates break change tracking.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        Metadata m = lr.rule().metadata();
        Optional<LocalDate> created = date(lr, m.creationDate(), "metadata.creation_date", out);
        Optional<LocalDate> updated = date(lr, m.updatedDate(), "metadata.updated_date", out);
        if (created.isPresent() && updated.isPresent() && created.get().isAfter(updated.get())) {
            out.report(lr.posOf("metadata.updated_date"), "updated_date " + m.updatedDate().orElseThrow()
                    + " is before creation_date " + m.creationDate().orElseThrow(),
                    "set updated_date to the day of the last change");
        }
    }

    private static Optional<LocalDate> date(LoadedRule lr, Optional<String> text, String path, Findings out) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get(), FORMAT));
        } catch (DateTimeParseException e) {
            out.report(lr.posOf(path), path.substring(path.indexOf('.') + 1) + " [" + text.get()
                    + "] is not a date of the form YYYY/MM/DD", "write e.g. \"2026/01/31\"");
            return Optional.empty();
        }
    }
}
