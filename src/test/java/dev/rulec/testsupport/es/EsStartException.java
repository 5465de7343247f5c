package dev.rulec.testsupport.es;

/** The test node could not be assembled or started; the message says why and ends with the tail of its logs. */
public final class EsStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EsStartException(String message) {
        super(message);
    }

    public EsStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
