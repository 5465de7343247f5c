package dev.rulec.deploy;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link Deployer#apply}: one entry per planned rule_id, and what it cost.
 *
 * @param writeRequests write calls made (retries included); 0 when the plan had no changes
 */
public record DeployResult(List<RuleOutcome> outcomes, int requests, int writeRequests, int retries, Duration elapsed) {
    public DeployResult {
        outcomes = List.copyOf(outcomes);
    }

    public List<RuleOutcome> failures() {
        return outcomes.stream().filter(o -> !o.ok()).toList();
    }

    /** Everything planned took effect and nothing conflicted. */
    public boolean ok() {
        return failures().isEmpty();
    }

    public long count(Action action) {
        return outcomes.stream().filter(o -> o.ok() && o.action() == action).count();
    }
}
