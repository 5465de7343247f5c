package dev.rulec.kibana;

import java.util.Objects;

/**
 * A Kibana call that failed for a reason the user can act on. The message is written for the user (what failed, what
 * to do) and never contains credentials or request headers.
 */
public final class KibanaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why it failed; the CLI maps each kind to an exit code. */
    public enum Kind {
        /** Bad settings: URL, TLS files, half-set credentials. */
        CONFIG,
        /** 401: credentials missing or wrong. */
        UNAUTHORIZED,
        /** 403: credentials lack a privilege. */
        FORBIDDEN,
        /** 404: unknown space or an API this Kibana does not have. */
        NOT_FOUND,
        /** Kibana's version or API version does not fit. */
        VERSION_MISMATCH,
        /** 400 or 409 the caller did not expect. */
        REJECTED,
        /** 5xx, or 429/502/503/504 still failing after all retries. */
        SERVER,
        /** Connection refused, reset, TLS failure or timeout, after all retries. */
        TRANSPORT,
        /** A 2xx answer without the shape Kibana's API documents (a proxy, or an API rulec does not know). */
        MALFORMED_RESPONSE
    }

    private final Kind kind;
    private final int status;

    public KibanaException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    public KibanaException(Kind kind, int status, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message is null"), cause);
        this.kind = Objects.requireNonNull(kind, "kind is null");
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int status() {
        return status;
    }
}
