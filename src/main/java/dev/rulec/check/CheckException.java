package dev.rulec.check;

import java.util.Objects;

/**
 * The cluster could not be checked against, for a reason the user can act on; the message says what failed and what to
 * do, and never contains credentials.
 */
public final class CheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why it failed; the CLI maps CONFIG to a usage error and every other kind to an environment error. */
    public enum Kind {
        /** Bad settings: URL, TLS file, half-set credentials. */
        CONFIG,
        /** 401: credentials missing or wrong. */
        UNAUTHORIZED,
        /** 403, or the user lacks a privilege on the rules' indices. */
        FORBIDDEN,
        /** Connection refused or reset, TLS failure, timeout. */
        TRANSPORT,
        /** Any other answer the check cannot go on with (5xx, an unexpected error). */
        SERVER
    }

    private final Kind kind;

    public CheckException(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message is null"), cause);
        this.kind = Objects.requireNonNull(kind, "kind is null");
    }

    public Kind kind() {
        return kind;
    }
}
