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

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
