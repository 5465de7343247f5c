package dev.rulec.schema;

/** A live cluster could not be asked for its fields (unreachable, refused, bad answer): a user-facing condition. */
public final class SchemaUnavailableException extends Exception {
    public SchemaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
