package dev.rulec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rulec.lint.LintFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LintCommandTest {

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static final String WARNED = LintFixtures.with("risk_score = 47", "risk_score = 73");

    @Test
    void should_exit_0_for_clean_rules() throws IOException {
        write("clean.toml", LintFixtures.CLEAN);
        CommandRun run = CommandRun.of("lint", tmp.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertTrue(run.err().contains("linted 1 rule from 1 file: 0 errors, 0 warnings, 0 notes"), run::toString);
    }

    @Test
    void should_print_warnings_and_exit_0_below_the_failing_level() throws IOException {
        Path f = write("w.toml", WARNED);
        CommandRun run = CommandRun.of("lint", f.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(f + ":10:1: warning: risk_score 73 is outside the medium band 22–47 (use a score from 22 to 47, "
                + "or change the severity) [risk-score-band]\n", run.out());
    }

    @Test
    void should_exit_1_at_the_failing_level_given_on_the_command_line() throws IOException {
        write("w.toml", WARNED);
        CommandRun run = CommandRun.of("lint", "--fail-level", "warning", tmp.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("(failing at warning)"), run::toString);
    }

    @Test
    void should_exit_1_for_errors_and_report_unreadable_files_with_the_others() throws IOException {
        write("a.toml", LintFixtures.CLEAN);
        write("b.toml", LintFixtures.with("Clean Rule", "Other Rule"));
        write("c.toml", "[rule\n");
        CommandRun run = CommandRun.of("lint", tmp.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("a.toml:11:1: error: rule_id [11111111-2222-4333-8444-555555555555] is also "
                + "used by "), run::toString);
        assertTrue(run.out().contains("c.toml:1:"), run::toString);
        assertTrue(run.out().contains("[toml.syntax]"), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
    }

    @Test
    void should_use_the_config_file_given_with_dash_dash_config() throws IOException {
        write("rules/w.toml", WARNED);
        Path cfg = write("lint.yaml", "fail-level: warning\nchecks:\n  risk-score-band:\n    exclude: [\"**/w.toml\"]\n");
        CommandRun run = CommandRun.of("lint", "--config", cfg.toString(), tmp.resolve("rules").toString());
        assertEquals(0, run.exitCode(), run::toString);
        Path sev = write("sev.yaml", "checks:\n  risk-score-band: error\n");
        CommandRun run2 = CommandRun.of("lint", "--config", sev.toString(), tmp.resolve("rules").toString());
        assertEquals(1, run2.exitCode(), run2::toString);
        assertTrue(run2.out().contains(": error: risk_score 73"), run2::toString);
    }

    @Test
    void should_exit_2_for_a_broken_config_and_say_where() throws IOException {
        write("w.toml", WARNED);
        Path cfg = write("lint.yaml", "checks:\n  no-such-check: off\n");
        CommandRun run = CommandRun.of("lint", "--config", cfg.toString(), tmp.resolve("w.toml").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("lint.yaml:2:3: error: unknown check [no-such-check]"), run::toString);
    }

    @Test
    void should_write_sarif_to_the_out_file() throws IOException {
        write("w.toml", WARNED);
        Path out = tmp.resolve("out/lint.sarif");
        CommandRun run = CommandRun.of("lint", "--format", "sarif", "--out", out.toString(), tmp.resolve("w.toml").toString());
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode sarif = new ObjectMapper().readTree(out.toFile());
        assertEquals("2.1.0", sarif.get("version").asText());
        assertEquals("risk-score-band", sarif.at("/runs/0/results/0/ruleId").asText());
        assertEquals(10, sarif.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void should_write_junit_and_json() throws IOException {
        write("w.toml", WARNED);
        CommandRun junit = CommandRun.of("lint", "--format", "junit", "--fail-level", "warning", tmp.toString());
        assertEquals(1, junit.exitCode(), junit::toString);
        assertTrue(junit.out().contains("<failure type=\"risk-score-band\""), junit::toString);
        CommandRun json = CommandRun.of("lint", "--format", "json", tmp.toString());
        assertTrue(json.out().contains("\"code\" : \"risk-score-band\""), json::toString);
    }

    @Test
    void should_exit_2_for_usage_errors() {
        CommandRun format = CommandRun.of("lint", "--format", "xml", "rules");
        assertEquals(2, format.exitCode(), format::toString);
        assertTrue(format.err().contains("unknown --format 'xml': use text, json, sarif, junit"), format::toString);
        CommandRun level = CommandRun.of("lint", "--fail-level", "fatal", "rules");
        assertEquals(2, level.exitCode(), level::toString);
        CommandRun none = CommandRun.of("lint");
        assertEquals(2, none.exitCode(), none::toString);
        CommandRun noConfig = CommandRun.of("lint", "--config", "no/such.yaml", "rules");
        assertEquals(2, noConfig.exitCode(), noConfig::toString);
    }

    @Test
    void should_list_the_checks() {
        CommandRun run = CommandRun.of("lint", "--list-checks");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("risk-score-band") && l.contains("warning")),
                run::toString);
    }

    @Test
    void should_lint_the_project_rules() {
        CommandRun run = CommandRun.of("lint", "rules");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run::toString);
        assertTrue(run.err().contains("rulec: linted "), run::toString);
    }
}
