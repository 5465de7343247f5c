package dev.rulec.lint;

import dev.rulec.model.LoadedRule;

/** A check that looks at one rule at a time. */
public non-sealed interface RuleCheck extends Check {
    void check(LoadedRule rule, Findings out);
}
