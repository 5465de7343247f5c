package dev.rulec.lang.lucene;

/** A user error found while parsing, at a char index of the query text; the facade turns it into a diagnostic. */
final class LuceneSyntaxException extends RuntimeException {
    private final String code;
    private final int index;
    private final String hint;

    LuceneSyntaxException(String code, int index, String message, String hint) {
        super(message, null, false, false);
        this.code = code;
        this.index = index;
        this.hint = hint;
    }

    String code() {
        return code;
    }

    int index() {
        return index;
    }

    String hint() {
        return hint;
    }
}
