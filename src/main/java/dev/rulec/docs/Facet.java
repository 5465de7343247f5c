package dev.rulec.docs;

import java.util.Objects;

/** A filterable value on the index: a language-neutral {@code value} and its label in the page's language. */
public record Facet(String value, String label) implements Comparable<Facet> {
    public Facet {
        Objects.requireNonNull(value, "value is null");
        Objects.requireNonNull(label, "label is null");
    }

    @Override
    public int compareTo(Facet o) {
        int c = label.compareTo(o.label);
        return c != 0 ? c : value.compareTo(o.value);
    }
}
