package dev.rulec.ruletest;

import java.util.List;

/** What running a rule over its fixture gave. */
public sealed interface Outcome {

    record Alerts(List<Alert> alerts) implements Outcome {
        public Alerts {
            alerts = List.copyOf(alerts);
        }
    }

    /** Not evaluated, with the reason ("needs a cluster (--es)", "machine_learning rules need the ML job"). */
    record Skipped(String reason) implements Outcome {
    }

    /** The rule could not run on this data (Elasticsearch refused the query or the events). */
    record Failed(String message) implements Outcome {
    }
}
