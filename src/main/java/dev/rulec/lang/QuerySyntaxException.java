package dev.rulec.lang;

/**
 * A user error found while parsing a query (KQL, Lucene), at a char index of the query text: the parser's facade turns
 * it into one positioned diagnostic. Thrown only inside a parser package; no stack trace (it is not a bug).
 */
public final class QuerySyntaxException extends RuntimeException {
    private final String code;
    private final int index;
    private final String hint;

    public QuerySyntaxException(String code, int index, String message, String hint) {
        super(message, null, false, false);
        this.code = code;
        this.index = index;
        this.hint = hint;
    }

    public String code() {
        return code;
    }

    public int index() {
        return index;
    }

    public String hint() {
        return hint;
    }
}
