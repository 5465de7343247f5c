package dev.rulec.ruletest.es;

/**
 * Elasticsearch refused the credentials (401) or a privilege (403): no test case can run, so the run stops with this
 * one-line message ({@link dev.rulec.check.AccessRefusal}) instead of failing every rule the same way.
 */
public final class EsRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EsRefusedException(String message) {
        super(message);
    }
}
