package dev.rulec.ir;

/** Whether a string comparison distinguishes upper and lower case. Sigma's default is insensitive. */
public enum CaseMode {
    SENSITIVE, INSENSITIVE
}
