package dev.rulec.lint;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LintConfigReaderTest {

    private static Optional<LintConfig> parse(String yaml, Diagnostics d) {
        return LintConfigReader.parse(yaml, ".rulec-lint.yaml", Checks.all(), d);
    }

    @Test
    void readsFailLevelShorthandsAndFullSettings() {
        Diagnostics d = new Diagnostics();
        LintConfig c = parse("""
                fail-level: warning
                checks:
                  tag-prefix: off
                  tactic-tag: error
                  risk-score-band:
                    severity: note
                    exclude: ["rules/_deprecated/**", "**/ml_*.toml"]
                  investigation-guide:
                    enabled: false
                """, d).orElseThrow(() -> new AssertionError(d.all()));
        assertEquals(Optional.of(Severity.WARNING), c.failLevel());
        assertEquals(Optional.of(false), c.settings("tag-prefix").enabled());
        assertEquals(Optional.of(Severity.ERROR), c.settings("tactic-tag").severity());
        assertEquals(Optional.of(Severity.NOTE), c.settings("risk-score-band").severity());
        assertEquals(List.of("rules/_deprecated/**", "**/ml_*.toml"), c.settings("risk-score-band").exclude());
        assertEquals(Optional.of(false), c.settings("investigation-guide").enabled());
        assertEquals(Optional.empty(), c.settings("date-order").enabled());
    }

    @Test
    void anEmptyFileMeansDefaults() {
        assertEquals(Optional.of(LintConfig.defaults()), parse("", new Diagnostics()));
    }

    @Test
    void reportsEachMistakeAtItsPosition() {
        Diagnostics d = new Diagnostics();
        Optional<LintConfig> c = parse("""
                fail-level: fatal
                checks:
                  risk-score-bands: off
                  tag-prefix:
                    severity: high
                    enabeld: false
                  date-order: {exclude: ["rules/[a"]}
                colour: red
                """, d);
        assertEquals(Optional.empty(), c);
        List<String> lines = d.all().stream().map(Diagnostic::format).toList();
        assertEquals(".rulec-lint.yaml:1:13: error: unknown severity [fatal] (use note, warning or error) [lint.config]",
                lines.get(0));
        assertTrue(lines.get(1).startsWith(".rulec-lint.yaml:3:3: error: unknown check [risk-score-bands] (known "
                + "checks: date-order, "), lines.get(1));
        assertEquals(".rulec-lint.yaml:5:15: error: unknown severity [high] (use note, warning or error) [lint.config]",
                lines.get(2));
        assertEquals(".rulec-lint.yaml:6:5: error: unknown key [enabeld] (use `enabled`, `severity` or `exclude`) "
                + "[lint.config]", lines.get(3));
        assertTrue(lines.get(4).startsWith(".rulec-lint.yaml:7:26: error: invalid glob [rules/[a]: "), lines.get(4));
        assertEquals(".rulec-lint.yaml:8:1: error: unknown key [colour] (use `fail-level` or `checks`) [lint.config]",
                lines.get(5));
        assertEquals(6, lines.size(), lines::toString);
    }

    @Test
    void reportsYamlSyntaxErrorsAndDuplicateKeys() {
        Diagnostics d = new Diagnostics();
        assertEquals(Optional.empty(), parse("checks: [", d));
        assertTrue(d.all().get(0).format().startsWith(".rulec-lint.yaml:1:"), d.all()::toString);
        Diagnostics d2 = new Diagnostics();
        assertEquals(Optional.empty(), parse("checks:\n  tag-prefix: off\n  tag-prefix: error\n", d2));
        assertEquals("lint.config", d2.all().get(0).code());
    }
}
