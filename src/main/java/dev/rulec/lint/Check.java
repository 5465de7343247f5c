package dev.rulec.lint;

import dev.rulec.diag.Severity;

/**
 * A named lint check: an id (its diagnostics' code), a default severity and a one-line rationale. It looks at one rule
 * ({@link RuleCheck}), at the whole rule set ({@link SetCheck}) or at one Sigma document as written
 * ({@link SigmaCheck}), and reports through {@link Findings}.
 */
public sealed interface Check permits RuleCheck, SetCheck, SigmaCheck {

    /** Stable, kebab-case id such as {@code risk-score-band}; used in config files and as the diagnostic code. */
    String id();

    Severity defaultSeverity();

    /** Why the check exists, in one line (shown by {@code --help}, in SARIF rule descriptions and in docs). */
    String rationale();
}
