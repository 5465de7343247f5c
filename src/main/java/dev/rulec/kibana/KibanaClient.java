package dev.rulec.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Detection Engine API calls rulec makes (API version 2023-10-31): status, paged {@code _find}, {@code _import}
 * and {@code _bulk_action} delete. Construction validates the config (scheme rule, space id, CA file).
 */
public final class KibanaClient {
    /** {@code _find} page size; Kibana pages through saved objects, at most 10,000 deep. */
    static final int PAGE_SIZE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULES = "/api/detection_engine/rules";

    private final KibanaTransport transport;
    private final KibanaConfig config;

    private KibanaClient(KibanaConfig config, Sleeper sleeper) {
        this.config = config;
        this.transport = new KibanaTransport(config, sleeper);
    }

    public static KibanaClient connect(KibanaConfig config) {
        return new KibanaClient(config, Sleeper.real());
    }

    /** For tests: waits between retries go to {@code sleeper}. */
    public static KibanaClient connect(KibanaConfig config, Sleeper sleeper) {
        return new KibanaClient(config, sleeper);
    }

    public KibanaConfig config() {
        return config;
    }

    /** Kibana's version, from {@code GET /api/status}. */
    public KibanaVersion version() {
        JsonNode status = transport.send(new KibanaTransport.Call("GET", "/api/status", Optional.empty(), "",
                false, Set.of())).json();
        return KibanaResponses.status("GET /api/status", status, config.redactedUrl());
    }

    /** Every rule in the space, through {@code _find} pages of {@value #PAGE_SIZE}, sorted by creation time. */
    public List<KibanaRule> findAllRules() {
        List<KibanaRule> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode r = transport.send(new KibanaTransport.Call("GET", RULES + "/_find?page=" + page + "&per_page="
                    + PAGE_SIZE + "&sort_field=created_at&sort_order=asc", Optional.empty(), "", false, Set.of())).json();
            KibanaResponses.FindPage p = KibanaResponses.findPage("GET " + RULES + "/_find", r);
            out.addAll(p.data());
            if (p.data().isEmpty() || out.size() >= p.total()) {
                return out;
            }
        }
    }

    /**
     * Creates or replaces rules by rule_id in one {@code _import?overwrite=true} call.
     *
     * <p>Why {@code _import} and not create/update per rule: Kibana 9 removed the bulk create and update APIs, so the
     * alternative is one request per rule (2,000 rules = 2,000 requests). One import of a batch creates new rule_ids
     * and overwrites existing ones, keeping their Kibana id, and it is idempotent: a batch whose answer was lost (a
     * timeout, a reset connection) can be sent again without duplicates or 409s, which a retried POST create would
     * give. Kibana reports failures per rule, so one bad rule does not fail its batch.
     */
    public ImportResult importRules(List<ObjectNode> rules) {
        byte[] ndjson = ndjson(rules);
        String boundary = "rulec-" + UUID.randomUUID();
        byte[] body = multipart(boundary, ndjson);
        JsonNode r = transport.send(new KibanaTransport.Call("POST", RULES + "/_import?overwrite=true",
                Optional.of(body), "multipart/form-data; boundary=" + boundary, true, Set.of())).json();
        return KibanaResponses.importResult("POST " + RULES + "/_import", r, transport);
    }

    /**
     * Deletes rules by Kibana id with one {@code _bulk_action} call. Rules already gone count as deleted, so a retried
     * call after a lost answer converges.
     *
     * @return per-rule failures (by Kibana id in {@link RuleError#ruleId()}), empty when all were deleted
     */
    public List<RuleError> deleteRules(List<String> ids) {
        ObjectNode req = JSON.createObjectNode().put("action", "delete");
        ArrayNode arr = req.putArray("ids");
        ids.forEach(arr::add);
        KibanaTransport.Reply reply = transport.send(new KibanaTransport.Call("POST", RULES + "/_bulk_action",
                Optional.of(bytes(req)), "application/json", true, Set.of(500)));
        JsonNode r = reply.json();
        String call = "POST " + RULES + "/_bulk_action";
        if (reply.status() == 500 && r.path("attributes").path("errors").isEmpty()) {
            // A 500 that names no rule: the whole call failed.
            throw new KibanaException(KibanaException.Kind.SERVER, 500, call + ": Kibana answered 500: "
                    + transport.scrub(KibanaResponses.errorMessage(reply.body(), r)), null);
        }
        return KibanaResponses.bulkDelete(call, r, transport);
    }

    /** Calls made so far (retries included). */
    public int requestCount() {
        return transport.requests();
    }

    /** Write calls ({@code _import}, {@code _bulk_action}) made so far (retries included). */
    public int writeCount() {
        return transport.writes();
    }

    public int retryCount() {
        return transport.retries();
    }

    static byte[] ndjson(List<ObjectNode> rules) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ObjectNode r : rules) {
            out.writeBytes(bytes(r));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] multipart(String boundary, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rules.ndjson\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
