package dev.rulec.ruletest.esql;

/** Elasticsearch would refuse the query on this data (an unknown column or index, a type mismatch). */
public final class EsqlRuntimeException extends RuntimeException {
    public EsqlRuntimeException(String message) {
        super(message);
    }
}
