package dev.rulec.diag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An insertion-ordered, de-duplicated collector of diagnostics, handed to each stage. */
public final class Diagnostics {

    private final Set<Diagnostic> items = new LinkedHashSet<>();

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void addAll(Iterable<Diagnostic> ds) {
        ds.forEach(this::add);
    }

    public void error(String code, SourcePos pos, String message, String hint) {
        add(Diagnostic.error(code, pos, message, hint));
    }

    public void warning(String code, SourcePos pos, String message, String hint) {
        add(Diagnostic.warning(code, pos, message, hint));
    }

    public void note(String code, SourcePos pos, String message, String hint) {
        add(Diagnostic.note(code, pos, message, hint));
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public long errorCount() {
        return items.stream().filter(Diagnostic::isError).count();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<Diagnostic> all() {
        return List.copyOf(new ArrayList<>(items));
    }
}
