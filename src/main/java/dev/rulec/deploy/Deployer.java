package dev.rulec.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.SourcePos;
import dev.rulec.kibana.ImportResult;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaException;
import dev.rulec.kibana.KibanaRule;
import dev.rulec.kibana.KibanaVersion;
import dev.rulec.kibana.RuleError;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Idempotent sync of rules to one Kibana space: {@link #plan} reads the space and compares normalized payloads by
 * rule_id; {@link #apply} writes only what differs, with {@code _import?overwrite=true} in batches (see
 * {@link KibanaClient#importRules}) and {@code _bulk_action} delete for prune. A plan with nothing to change makes no
 * write call. A failed write leaves every rule either as before or as in the source, so a re-run converges.
 */
public final class Deployer {
    /** The oldest Kibana rulec deploys to: the detection engine's versioned API and {@code _import} overwrite. */
    static final KibanaVersion MIN_KIBANA = KibanaVersion.parse("8.0.0");
    /** Ids per {@code _bulk_action} delete call. */
    static final int DELETE_BATCH = 1000;

    private final KibanaClient client;
    private final DeployOptions options;

    public Deployer(KibanaClient client, DeployOptions options) {
        this.client = Objects.requireNonNull(client, "client is null");
        this.options = Objects.requireNonNull(options, "options is null");
    }

    /**
     * Reads Kibana's version and the space's rules and computes what to do for each rule_id. Only reads.
     *
     * @throws KibanaException when Kibana cannot be read (auth, space, version, transport)
     */
    public Plan plan(List<Payload> desired) {
        KibanaVersion version = client.version();
        if (!version.atLeast(MIN_KIBANA)) {
            throw new KibanaException(KibanaException.Kind.VERSION_MISMATCH, "Kibana " + version + " is too old: rulec "
                    + "deploys to Kibana " + MIN_KIBANA + " or later");
        }
        return plan(desired, version, client.findAllRules());
    }

    /** The plan for {@code desired} against the rules a space holds: pure, no I/O. */
    public Plan plan(List<Payload> desired, KibanaVersion version, List<KibanaRule> inKibana) {
        List<Diagnostic> diags = new ArrayList<>();
        Map<String, List<KibanaRule>> existing = new HashMap<>();
        for (KibanaRule r : inKibana) {
            existing.computeIfAbsent(r.ruleId(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<Payload>> byId = new LinkedHashMap<>();
        desired.forEach(p -> byId.computeIfAbsent(p.ruleId(), k -> new ArrayList<>()).add(p));

        List<PlanEntry> entries = new ArrayList<>();
        for (Map.Entry<String, List<Payload>> e : byId.entrySet()) {
            entries.add(planOne(e.getKey(), e.getValue(), existing.getOrDefault(e.getKey(), List.of()), version, diags));
        }
        if (options.prune()) {
            for (Map.Entry<String, List<KibanaRule>> e : existing.entrySet()) {
                if (byId.containsKey(e.getKey()) || options.keepRuleIds().contains(e.getKey())) {
                    continue;
                }
                for (KibanaRule r : e.getValue()) {
                    if (ManagedMarker.isManaged(r)) {
                        entries.add(new PlanEntry(Action.DELETE, e.getKey(), Optional.empty(), Optional.empty(),
                                Optional.of(r.id()), List.of(), "gone from the source"));
                    }
                }
            }
        }
        return new Plan(version, entries, diags);
    }

    private PlanEntry planOne(String ruleId, List<Payload> sources, List<KibanaRule> current, KibanaVersion version,
                              List<Diagnostic> diags) {
        Payload p = sources.get(0);
        Optional<SourcePos> src = Optional.of(p.source());
        if (sources.size() > 1) {
            String others = sources.subList(1, sources.size()).stream().map(s -> s.source().toString())
                    .reduce((a, b) -> a + ", " + b).orElse("");
            return conflict(ruleId, p, current, diags, "rule_id [" + ruleId + "] is used by more than one rule (also "
                    + others + ")", "give each rule its own rule_id");
        }
        if (p.minStackVersion().isPresent() && !version.atLeast(p.minStackVersion().get())) {
            diags.add(Diagnostic.warning("deploy.min-stack-version", p.source(), "rule [" + ruleId + "] needs stack "
                    + p.minStackVersion().get() + " but Kibana is " + version + "; not deployed", ""));
            return new PlanEntry(Action.SKIP, ruleId, src, Optional.empty(), Optional.empty(), List.of(),
                    "min_stack_version " + p.minStackVersion().get());
        }
        ObjectNode body = ManagedMarker.mark(p.body());
        options.enabled().ifPresent(on -> body.put("enabled", on));
        Optional<KibanaVersion> typeMin = StackSupport.unsupportedType(body, version);
        if (typeMin.isPresent()) {
            String why = "rule type [" + body.path("type").asText() + "] needs Kibana " + typeMin.get() + ", this one is " + version;
            diags.add(Diagnostic.error("deploy.unsupported-type", p.source(), why, "deploy it to a newer stack"));
            return new PlanEntry(Action.SKIP, ruleId, src, Optional.empty(), Optional.empty(), List.of(), why);
        }
        List<String> dropped = StackSupport.dropUnknownFields(body, version);
        if (!dropped.isEmpty()) {
            diags.add(Diagnostic.warning("deploy.field-dropped", p.source(), "Kibana " + version + " does not know "
                    + String.join(", ", dropped) + "; dropped from rule [" + ruleId + "]", ""));
        }
        if (current.isEmpty()) {
            return new PlanEntry(Action.CREATE, ruleId, src, Optional.of(body), Optional.empty(), List.of(), "");
        }
        if (current.size() > 1 || !ManagedMarker.isManaged(current.get(0))) {
            return conflict(ruleId, p, current, diags, "rule_id [" + ruleId + "] exists in Kibana but is not managed "
                            + "by rulec (no tag [" + ManagedMarker.TAG + "]); rulec does not touch it",
                    "delete it in Kibana, add the tag there to hand it over, or change the rule_id");
        }
        KibanaRule now = current.get(0);
        List<String> changes = RuleNormalizer.changedFields(body, now.body());
        Action a = changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
        return new PlanEntry(a, ruleId, src, a == Action.UPDATE ? Optional.of(body) : Optional.empty(),
                Optional.of(now.id()), changes, "");
    }

    private static PlanEntry conflict(String ruleId, Payload p, List<KibanaRule> current, List<Diagnostic> diags,
                                      String why, String hint) {
        diags.add(Diagnostic.error("deploy.conflict", p.source(), why, hint));
        Optional<String> id = current.isEmpty() ? Optional.empty() : Optional.of(current.get(0).id());
        return new PlanEntry(Action.CONFLICT, ruleId, Optional.of(p.source()), Optional.empty(), id, List.of(), why);
    }

    /**
     * Applies a plan: creates and updates in {@code _import} batches, then prune deletes. Per-rule failures are
     * collected with their source; a call that fails after its retries marks its rules and every later one as not
     * applied and stops (auth and transport problems would fail them all the same way).
     */
    public DeployResult apply(Plan plan, Progress progress) {
        long t0 = System.nanoTime();
        int req0 = client.requestCount();
        int wr0 = client.writeCount();
        int retry0 = client.retryCount();
        Map<String, RuleOutcome> outcomes = new LinkedHashMap<>();
        List<PlanEntry> writes = new ArrayList<>();
        for (PlanEntry e : plan.entries()) {
            if (e.action() == Action.CONFLICT || (e.action() == Action.SKIP && isError(plan, e))) {
                outcomes.put(e.ruleId(), new RuleOutcome(e.ruleId(), e.action(), e.source(), false, e.reason()));
            } else if (!e.action().writes()) {
                outcomes.put(e.ruleId(), new RuleOutcome(e.ruleId(), e.action(), e.source(), true, ""));
            } else {
                writes.add(e);
            }
        }
        int total = writes.size();
        int done = 0;
        Optional<KibanaException> stopped = Optional.empty();
        List<List<PlanEntry>> batches = importBatches(writes.stream().filter(e -> e.action() != Action.DELETE).toList());
        List<PlanEntry> deletes = writes.stream().filter(e -> e.action() == Action.DELETE).toList();
        for (List<PlanEntry> batch : batches) {
            if (stopped.isPresent()) {
                notAttempted(batch, stopped.get(), outcomes);
                continue;
            }
            try {
                ImportResult r = client.importRules(batch.stream().map(e -> e.body().orElseThrow()).toList());
                record(batch, r.errors(), outcomes);
            } catch (KibanaException ex) {
                stopped = Optional.of(ex);
                notAttempted(batch, ex, outcomes);
            }
            done += batch.size();
            progress.advanced(done, total);
        }
        for (int i = 0; i < deletes.size(); i += DELETE_BATCH) {
            List<PlanEntry> batch = deletes.subList(i, Math.min(deletes.size(), i + DELETE_BATCH));
            if (stopped.isPresent()) {
                notAttempted(batch, stopped.get(), outcomes);
                continue;
            }
            try {
                List<RuleError> errors = client.deleteRules(batch.stream().map(e -> e.kibanaId().orElseThrow()).toList());
                Map<String, RuleError> byKibanaId = new HashMap<>();
                errors.forEach(er -> er.ruleId().ifPresent(id -> byKibanaId.put(id, er)));
                for (PlanEntry e : batch) {
                    RuleError er = byKibanaId.get(e.kibanaId().orElseThrow());
                    outcomes.put(e.ruleId(), new RuleOutcome(e.ruleId(), e.action(), e.source(), er == null,
                            er == null ? "" : er.message() + " (" + er.status() + ")"));
                }
            } catch (KibanaException ex) {
                stopped = Optional.of(ex);
                notAttempted(batch, ex, outcomes);
            }
            done += batch.size();
            progress.advanced(done, total);
        }
        return new DeployResult(new ArrayList<>(outcomes.values()), client.requestCount() - req0,
                client.writeCount() - wr0, client.retryCount() - retry0, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static boolean isError(Plan plan, PlanEntry e) {
        return plan.diagnostics().stream().anyMatch(d -> d.isError() && e.source().isPresent()
                && d.pos().equals(e.source().get()));
    }

    private static void record(List<PlanEntry> batch, List<RuleError> errors, Map<String, RuleOutcome> outcomes) {
        Map<String, RuleError> byRuleId = new HashMap<>();
        List<RuleError> anonymous = new ArrayList<>();
        for (RuleError er : errors) {
            if (er.ruleId().isPresent()) {
                byRuleId.put(er.ruleId().get(), er);
            } else {
                anonymous.add(er);
            }
        }
        for (PlanEntry e : batch) {
            RuleError er = byRuleId.get(e.ruleId());
            outcomes.put(e.ruleId(), new RuleOutcome(e.ruleId(), e.action(), e.source(), er == null,
                    er == null ? "" : er.message() + " (" + er.status() + ")"));
        }
        // Kibana could not name the rule: report it against the batch, whose rules may or may not have been written.
        for (int i = 0; i < anonymous.size(); i++) {
            RuleError er = anonymous.get(i);
            PlanEntry first = batch.get(0);
            outcomes.put("(batch " + first.ruleId() + " #" + i + ")", new RuleOutcome("(unnamed rule in the batch starting at "
                    + first.ruleId() + ")", first.action(), first.source(), false, er.message() + " (" + er.status() + ")"));
        }
    }

    private static void notAttempted(List<PlanEntry> batch, KibanaException ex, Map<String, RuleOutcome> outcomes) {
        for (PlanEntry e : batch) {
            outcomes.put(e.ruleId(), new RuleOutcome(e.ruleId(), e.action(), e.source(), false,
                    "not applied: " + ex.getMessage()));
        }
    }

    private List<List<PlanEntry>> importBatches(List<PlanEntry> entries) {
        List<List<PlanEntry>> out = new ArrayList<>();
        List<PlanEntry> cur = new ArrayList<>();
        long bytes = 0;
        for (PlanEntry e : entries) {
            long size = e.body().orElseThrow().toString().getBytes(StandardCharsets.UTF_8).length + 1L;
            if (!cur.isEmpty() && (cur.size() >= options.batchSize() || bytes + size > DeployOptions.MAX_BATCH_BYTES)) {
                out.add(cur);
                cur = new ArrayList<>();
                bytes = 0;
            }
            cur.add(e);
            bytes += size;
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }
}
