package dev.rulec.lang.esql;

/**
 * Where a node starts in the query text: 1-based line and column. Equal to every other {@code Loc}, so trees compare
 * by content: a parsed tree equals one built by hand.
 */
public record Loc(int line, int column) {

    public static final Loc NONE = new Loc(1, 1);

    @Override
    public boolean equals(Object o) {
        return o instanceof Loc;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
