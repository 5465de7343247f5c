package dev.rulec.model;

import java.util.Arrays;
import java.util.Optional;

/** The language of a rule's query text, by its Kibana wire name. */
public enum QueryLanguage {
    KUERY("kuery"), LUCENE("lucene"), EQL("eql"), ESQL("esql");

    private final String wireName;

    QueryLanguage(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<QueryLanguage> fromWire(String s) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(s)).findFirst();
    }
}
