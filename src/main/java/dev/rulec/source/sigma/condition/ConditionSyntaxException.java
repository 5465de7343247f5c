package dev.rulec.source.sigma.condition;

/** A condition that does not parse; {@code offset} indexes the offending character of the condition text. */
public final class ConditionSyntaxException extends Exception {
    private final int offset;

    public ConditionSyntaxException(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
