package dev.rulec.lint;

import dev.rulec.model.LoadedRule;

import java.util.List;

/** A check across the whole rule set (uniqueness, duplicates). */
public non-sealed interface SetCheck extends Check {
    void check(List<LoadedRule> rules, Findings out);
}
