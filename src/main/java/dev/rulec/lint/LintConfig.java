package dev.rulec.lint;

import dev.rulec.diag.Severity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code .rulec-lint.yaml} file says: per check, whether it runs, at which severity and which files it skips;
 * and the level at or above which findings fail the run.
 *
 * @param failLevel findings at or above it make {@code rulec lint} exit 1; empty means the command's default
 */
public record LintConfig(Map<String, CheckSettings> checks, Optional<Severity> failLevel) {

    public static final String FILE_NAME = ".rulec-lint.yaml";

    public LintConfig {
        checks = Map.copyOf(checks);
        Objects.requireNonNull(failLevel, "failLevel is null");
    }

    public static LintConfig defaults() {
        return new LintConfig(Map.of(), Optional.empty());
    }

    public CheckSettings settings(String checkId) {
        return checks.getOrDefault(checkId, CheckSettings.DEFAULT);
    }

    /**
     * One check's settings.
     *
     * @param exclude globs of files the check skips, matched against paths relative to the working directory
     */
    public record CheckSettings(Optional<Boolean> enabled, Optional<Severity> severity, List<String> exclude) {
        static final CheckSettings DEFAULT = new CheckSettings(Optional.empty(), Optional.empty(), List.of());

        public CheckSettings {
            Objects.requireNonNull(enabled, "enabled is null");
            Objects.requireNonNull(severity, "severity is null");
            exclude = List.copyOf(exclude);
        }
    }
}
