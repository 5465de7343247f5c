package dev.rulec.source.sigma.yaml;

import dev.rulec.diag.SourcePos;

/** Malformed or refused YAML, with the position it was detected at. Caught by the reader's callers. */
public final class YamlException extends Exception {
    private final SourcePos pos;

    public YamlException(SourcePos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }

    public SourcePos pos() {
        return pos;
    }
}
