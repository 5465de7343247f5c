package dev.rulec.lint;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Severity;
import dev.rulec.model.LoadedRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinterTest {

    private static final String BAD_SCORE = LintFixtures.with("risk_score = 47", "risk_score = 90");

    private static LintConfig config(String id, LintConfig.CheckSettings s) {
        return new LintConfig(Map.of(id, s), Optional.empty());
    }

    @Test
    void appliesTheConfiguredSeverity() {
        List<Diagnostic> ds = new Linter(Checks.all(), config("risk-score-band", new LintConfig.CheckSettings(
                Optional.empty(), Optional.of(Severity.ERROR), List.of())))
                .run(List.of(LintFixtures.rule(BAD_SCORE, "rules/a.toml")));
        assertEquals(1, ds.size());
        assertEquals(Severity.ERROR, ds.get(0).severity());
    }

    @Test
    void skipsDisabledChecksAndExcludedFiles() {
        LoadedRule inside = LintFixtures.rule(BAD_SCORE, "rules/_deprecated/a.toml");
        LoadedRule outside = LintFixtures.rule(BAD_SCORE.replace("Clean Rule", "Other"), "rules/b.toml");
        LintConfig exclude = config("risk-score-band", new LintConfig.CheckSettings(Optional.empty(),
                Optional.empty(), List.of("rules/_deprecated/**")));
        List<Check> one = List.of(new dev.rulec.lint.checks.RiskScoreBand());
        List<Diagnostic> ds = new Linter(one, exclude).run(List.of(inside, outside));
        assertEquals(List.of("rules/b.toml"), ds.stream().map(d -> d.pos().file()).toList());
        LintConfig off = config("risk-score-band", new LintConfig.CheckSettings(Optional.of(false),
                Optional.empty(), List.of()));
        assertEquals(List.of(), new Linter(one, off).run(List.of(inside, outside)));
    }

    @Test
    void aLeadingDoubleStarAlsoMatchesAtTheTop() {
        LoadedRule top = LintFixtures.rule(BAD_SCORE, "ml_a.toml");
        LintConfig exclude = config("risk-score-band", new LintConfig.CheckSettings(Optional.empty(),
                Optional.empty(), List.of("**/ml_*.toml")));
        assertEquals(List.of(), new Linter(Checks.all(), exclude).run(List.of(top)));
    }

    @Test
    void aCheckThatThrowsIsReportedAndTheOthersStillRun() {
        RuleCheck broken = new RuleCheck() {
            public String id() {
                return "broken";
            }

            public Severity defaultSeverity() {
                return Severity.WARNING;
            }

            public String rationale() {
                return "Breaks.";
            }

            public void check(LoadedRule rule, Findings out) {
                throw new IllegalStateException("boom");
            }
        };
        List<Diagnostic> ds = new Linter(List.of(broken, new dev.rulec.lint.checks.RiskScoreBand()),
                LintConfig.defaults()).run(List.of(LintFixtures.rule(BAD_SCORE)));
        assertEquals(List.of("lint.internal-error", "risk-score-band"), ds.stream().map(Diagnostic::code).toList());
        assertTrue(ds.get(0).message().contains("check [broken] failed: java.lang.IllegalStateException: boom"));
    }
}
