package dev.rulec.ir.regex;

/** A regular expression that is invalid or uses a construct rulec cannot carry into every target. */
public final class RegexException extends Exception {
    private final int index;

    public RegexException(String message, int index) {
        super(message);
        this.index = index;
    }

    /** 0-based offset in the regular expression where the problem is. */
    public int index() {
        return index;
    }
}
