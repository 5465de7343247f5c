package dev.rulec.diag;

import java.util.Objects;

/** A place in a source file: 1-based line and column. Never part of any value's equality. */
public record SourcePos(String file, int line, int column) {

    public SourcePos {
        Objects.requireNonNull(file, "file is null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    /** The start of a file, for problems that concern the file as a whole. */
    public static SourcePos startOf(String file) {
        return new SourcePos(file, 1, 1);
    }

    /** The same file, at another line and column (lines and columns below 1 are clamped to 1). */
    public SourcePos at(int newLine, int newColumn) {
        return new SourcePos(file, Math.max(1, newLine), Math.max(1, newColumn));
    }

    /**
     * Where a place inside a text that starts here lies in the file: {@code textLine}:{@code textColumn} are 1-based
     * in the text (a parser's position in a query), and only the text's first line is shifted by this column.
     */
    public SourcePos inside(int textLine, int textColumn) {
        return at(line + textLine - 1, textLine == 1 ? column + textColumn - 1 : textColumn);
    }

    /**
     * Where UTF-16 index {@code index} of a text that starts here lies in the file; columns count characters (code
     * points), a line break starts the next line at column 1.
     */
    public SourcePos advancedBy(CharSequence text, int index) {
        int l = line;
        int c = column;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                l++;
                c = 1;
            } else if (!Character.isLowSurrogate(ch)) {
                c++;
            }
        }
        return at(l, c);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
