package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DateOrderTest {

    @Test
    void acceptsEqualAndIncreasingDates() {
        assertEquals(List.of(), run(new DateOrder(), CLEAN, with("2026/02/01", "2026/01/01")));
    }

    @Test
    void reportsAnUpdateBeforeTheCreation() {
        assertEquals(List.of("r.toml:4:1: error: updated_date 2025/12/31 is before creation_date 2026/01/01 (set "
                        + "updated_date to the day of the last change) [date-order]"),
                lines(run(new DateOrder(), with("2026/02/01", "2025/12/31"))));
    }

    @Test
    void reportsADateThatDoesNotExist() {
        assertEquals(List.of("r.toml:2:1: error: creation_date [2026/02/30] is not a date of the form YYYY/MM/DD "
                        + "(write e.g. \"2026/01/31\") [date-order]"),
                lines(run(new DateOrder(), with("2026/01/01", "2026/02/30"))));
    }
}
