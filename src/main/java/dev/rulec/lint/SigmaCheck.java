package dev.rulec.lint;

/** A check of Sigma conventions, on the document as written (keys, values and their positions). */
public non-sealed interface SigmaCheck extends Check {
    void check(SigmaDocument doc, Findings out);
}
