package dev.rulec.source.sigma.yaml;

import dev.rulec.diag.SourcePos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A YAML node with the position of its value, independent of SnakeYAML's classes. */
public sealed interface YNode {

    SourcePos pos();

    /** A short name of the node kind for messages ("a mapping", "a list", "a string"). */
    String kindName();

    /** A mapping with string keys, in document order; each entry keeps the position of its key. */
    record YMap(Map<String, Entry> entries, SourcePos pos) implements YNode {
        public YMap {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            Objects.requireNonNull(pos, "pos is null");
        }

        public Optional<YNode> get(String key) {
            Entry e = entries.get(key);
            return e == null ? Optional.empty() : Optional.of(e.value());
        }

        public List<Entry> list() {
            return new ArrayList<>(entries.values());
        }

        public String kindName() {
            return "a mapping";
        }
    }

    record Entry(String key, SourcePos keyPos, YNode value) {
    }

    record YSeq(List<YNode> items, SourcePos pos) implements YNode {
        public YSeq {
            items = List.copyOf(items);
            Objects.requireNonNull(pos, "pos is null");
        }

        public String kindName() {
            return "a list";
        }
    }

    /**
     * A scalar as written, with the type YAML's resolver gave it.
     *
     * @param singleLine whether the text sits on one line at {@code pos} plus {@code textOffset}, so that a column
     *                   inside it can be computed (plain and flow-quoted scalars on one line)
     * @param textOffset columns between {@code pos} and the first character of the text (1 for a quoted scalar)
     */
    record YScalar(String text, ScalarType type, SourcePos pos, boolean singleLine, int textOffset) implements YNode {
        public YScalar {
            Objects.requireNonNull(text, "text is null");
            Objects.requireNonNull(type, "type is null");
            Objects.requireNonNull(pos, "pos is null");
        }

        /** The position of the character at {@code index} of the text, or the scalar's start when not computable. */
        public SourcePos posAt(int index) {
            if (!singleLine) {
                return pos;
            }
            return pos.at(pos.line(), pos.column() + textOffset + index);
        }

        public String kindName() {
            return switch (type) {
                case NULL -> "null";
                case BOOL -> "a boolean";
                case INT, FLOAT -> "a number";
                case STR -> "a string";
            };
        }
    }

    enum ScalarType { STR, INT, FLOAT, BOOL, NULL }
}
