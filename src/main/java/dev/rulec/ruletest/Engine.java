package dev.rulec.ruletest;

/** Runs a rule over its fixture events: in process, or on a real Elasticsearch node. */
public interface Engine {
    Outcome run(TestCase tc);

    /** For messages: "in process" or the node. */
    String description();
}
