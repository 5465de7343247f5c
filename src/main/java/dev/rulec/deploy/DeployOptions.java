package dev.rulec.deploy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Choices of one deploy run.
 *
 * @param prune        delete managed rules that are gone from the source
 * @param enabled      {@code --enable} / {@code --disable}: overrides every payload's {@code enabled}
 * @param keepRuleIds  rule_ids that exist in the source but failed to build: never pruned
 * @param batchSize    rules per {@code _import} call (also capped by {@link #MAX_BATCH_BYTES})
 */
public record DeployOptions(boolean prune, Optional<Boolean> enabled, Set<String> keepRuleIds, int batchSize) {
    /** Kibana's default import limit is 10 MiB ({@code xpack.securitySolution.maxRuleImportPayloadBytes}); stay well below. */
    public static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

    public DeployOptions {
        Objects.requireNonNull(enabled, "enabled is null");
        keepRuleIds = Set.copyOf(keepRuleIds);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
    }

    /** No prune, payloads' own {@code enabled}, 100 rules per import (2,000 rules = 20 write calls). */
    public static DeployOptions defaults() {
        return new DeployOptions(false, Optional.empty(), Set.of(), 100);
    }

    public DeployOptions withPrune(boolean p) {
        return new DeployOptions(p, enabled, keepRuleIds, batchSize);
    }

    public DeployOptions withEnabled(boolean e) {
        return new DeployOptions(prune, Optional.of(e), keepRuleIds, batchSize);
    }

    public DeployOptions withKeep(Set<String> ids) {
        return new DeployOptions(prune, enabled, ids, batchSize);
    }

    public DeployOptions withBatchSize(int n) {
        return new DeployOptions(prune, enabled, keepRuleIds, n);
    }
}
