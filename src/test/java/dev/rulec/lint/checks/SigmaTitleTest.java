package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.SigmaFixtures.CLEAN;
import static dev.rulec.lint.SigmaFixtures.run;
import static dev.rulec.lint.SigmaFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SigmaTitleTest {

    @Test
    void acceptsAShortTitle() {
        assertEquals(List.of(), run(new SigmaTitle(), CLEAN));
    }

    @Test
    void reportsAMissingOrLongTitle() {
        assertEquals(List.of("r.yml:1:1: warning: the rule has no title (add title: <what the rule detects>) "
                + "[sigma-title]"), run(new SigmaTitle(), with("title: Cmd Started By Word\n", "")));
        assertEquals(List.of("r.yml:1:1: warning: the title has 111 characters, more than 110 (shorten it; details "
                + "belong in the description) [sigma-title]"),
                run(new SigmaTitle(), with("Cmd Started By Word", "x".repeat(111))));
    }
}
