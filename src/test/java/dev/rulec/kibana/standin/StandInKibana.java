package dev.rulec.kibana.standin;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * A stand-in for Kibana's Detection Engine API, on loopback, for tests (Kibana cannot run here). Every request and
 * every response is checked against Kibana's published OpenAPI schema by a real validator; a request that does not
 * conform is answered 400, and every problem is kept in {@link #violations()} for the test to assert on. State is kept
 * as Kibana keeps it (rule_id unique per space, 409 on duplicate create, {@code _import} overwrite semantics, paging),
 * and faults can be injected into the next matching calls.
 */
public final class StandInKibana implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULES = "/api/detection_engine/rules";
    /** Kibana's saved-objects paging window: page * per_page may not exceed it. */
    static final int MAX_WINDOW = 10_000;

    /** One call as the stand-in saw it: method, path without the space prefix, space, and status answered. */
    public record Call(String method, String path, String space, int status) {
        public boolean write() {
            return !method.equals("GET");
        }
    }

    private record Injection(BiPredicate<String, String> when, Fault fault) {
    }

    private final HttpServer server;
    private final java.util.concurrent.atomic.AtomicLong busyNanos = new java.util.concurrent.atomic.AtomicLong();
    private final ExecutorService pool;
    private final SchemaGate gate;
    private final Map<String, RuleStore> spaces = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Injection> faults = new ConcurrentLinkedDeque<>();
    private volatile Predicate<ObjectNode> rejectOnImport = r -> false;
    private volatile String version = "9.1.0";
    private volatile Optional<String> requiredAuth = Optional.empty();
    private final Set<String> readOnlyAuth = ConcurrentHashMap.newKeySet();
    private final Set<String> noRulesAuth = ConcurrentHashMap.newKeySet();

    private StandInKibana(Path schema, Optional<SSLContext> tls) throws IOException {
        this.gate = new SchemaGate(schema);
        spaces.put("default", new RuleStore());
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls.isPresent()) {
            HttpsServer https = HttpsServer.create(loopback, 50);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            server = https;
        } else {
            server = HttpServer.create(loopback, 50);
        }
        pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a stand-in validating against {@code schema} (Kibana's detections-api.schema.yaml). */
    public static StandInKibana start(Path schema) {
        try {
            return new StandInKibana(schema, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same over HTTPS with this server certificate. */
    public static StandInKibana startHttps(Path schema, SSLContext tls) {
        try {
            return new StandInKibana(schema, Optional.of(tls));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create((server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- configuration -------------------------------------------------------------------------------------------

    public StandInKibana version(String v) {
        this.version = v;
        return this;
    }

    public StandInKibana space(String id) {
        spaces.putIfAbsent(id, new RuleStore());
        return this;
    }

    /** Requests must carry exactly this Authorization header, else 401. */
    public StandInKibana requireAuthorization(String header) {
        this.requiredAuth = Optional.of(header);
        return this;
    }

    /** This Authorization header may read but not write (403). */
    public StandInKibana readOnly(String header) {
        readOnlyAuth.add(header);
        return this;
    }

    /** This Authorization header authenticates but has no Security rules privilege: every rules API is a 403. */
    public StandInKibana noRulesPrivilege(String header) {
        noRulesAuth.add(header);
        return this;
    }

    /** Rules matching this are refused by {@code _import} with a per-rule 400, as Kibana refuses an invalid rule. */
    public StandInKibana rejectOnImport(Predicate<ObjectNode> which) {
        this.rejectOnImport = which;
        return this;
    }

    /** Injects {@code fault} into the next {@code times} calls whose method and path (without space) match. */
    public StandInKibana inject(String method, String pathPrefix, Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(new Injection((m, p) -> m.equals(method) && p.startsWith(pathPrefix), fault));
        }
        return this;
    }

    /** Puts a rule into a space directly, as if created earlier by someone else (e.g. by hand in Kibana's UI). */
    public ObjectNode seed(String space, ObjectNode payload) {
        return store(space).create(payload);
    }

    // ---- observation ---------------------------------------------------------------------------------------------

    public List<ObjectNode> rules(String space) {
        return store(space).all();
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public long writeCalls() {
        return calls().stream().filter(Call::write).count();
    }

    public void clearCalls() {
        calls.clear();
    }

    /** Every schema violation seen (requests and responses); tests assert it is empty. */
    /**
     * Wall time spent inside request handling (routing, schema validation of request and response, writing the
     * answer), summed over calls: benchmarks subtract it to get the client's own time.
     */
    public long busyNanos() {
        return busyNanos.get();
    }

    public List<String> violations() {
        return gate.violations();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private RuleStore store(String space) {
        RuleStore s = spaces.get(space);
        if (s == null) {
            throw new IllegalArgumentException("no space " + space);
        }
        return s;
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    private record Reply(int status, String body, Map<String, String> headers, String component, List<String> ruleArrays) {
        Reply(int status, String body, Map<String, String> headers, String component) {
            this(status, body, headers, component, List.of());
        }

        static Reply ok(JsonNode body) {
            return new Reply(200, body.toString(), Map.of(), "");
        }

        /** A 200 whose body holds rules at these JSON pointers. */
        static Reply rules(JsonNode body, String... pointers) {
            return new Reply(200, body.toString(), Map.of(), "", List.of(pointers));
        }

        /** Kibana's platform error shape ({@code statusCode, error, message}). */
        static Reply platform(int status, String error, String message) {
            ObjectNode b = JSON.createObjectNode().put("statusCode", status).put("error", error).put("message", message);
            return new Reply(status, b.toString(), Map.of(), "PlatformErrorResponse");
        }

        /** The detection engine's error shape ({@code message, status_code}). */
        static Reply siem(int status, String message) {
            ObjectNode b = JSON.createObjectNode().put("message", message).put("status_code", status);
            return new Reply(status, b.toString(), Map.of(), "SiemErrorResponse");
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        try {
            handleTimed(ex);
        } finally {
            busyNanos.addAndGet(System.nanoTime() - start);
        }
    }

    private void handleTimed(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String rawPath = ex.getRequestURI().getRawPath();
        String space = "default";
        String path = rawPath;
        if (rawPath.startsWith("/s/")) {
            int slash = rawPath.indexOf('/', 3);
            space = slash < 0 ? rawPath.substring(3) : rawPath.substring(3, slash);
            path = slash < 0 ? "/" : rawPath.substring(slash);
        }
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, List<String>> query = query(ex.getRequestURI().getRawQuery());
        Request request = toValidatorRequest(ex, method, path, query, body);

        Optional<Fault> fault = takeFault(method, path);
        if (fault.isPresent() && (fault.get() instanceof Fault.Reset)) {
            calls.add(new Call(method, path, space, 0));
            throw new IOException("stand-in: injected connection reset");
        }
        if (fault.isPresent() && fault.get() instanceof Fault.Delay d) {
            sleep(d.delay().toMillis());
        }
        Reply reply;
        if (fault.isPresent() && fault.get() instanceof Fault.Status s) {
            reply = Reply.platform(s.status(), reason(s.status()), "stand-in: injected " + s.status());
            if (s.retryAfter().isPresent()) {
                reply = new Reply(reply.status(), reply.body(), Map.of("Retry-After", s.retryAfter().get()), reply.component());
            }
        } else {
            reply = route(ex, method, path, space, query, body, request, fault);
            if (fault.isPresent() && fault.get() instanceof Fault.Reshape r && reply.status() < 300) {
                String changed = r.change().apply((ObjectNode) JSON.readTree(reply.body())).toString();
                reply = new Reply(reply.status(), changed, reply.headers(), reply.component(), reply.ruleArrays());
            }
        }
        calls.add(new Call(method, path, space, reply.status()));
        send(ex, request, reply);
    }

    private Reply route(HttpExchange ex, String method, String path, String space, Map<String, List<String>> query,
                        byte[] body, Request request, Optional<Fault> fault) throws IOException {
        String auth = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")).orElse("");
        if (requiredAuth.isPresent() && !requiredAuth.get().equals(auth) && !readOnlyAuth.contains(auth)
                && !noRulesAuth.contains(auth)) {
            return Reply.platform(401, "Unauthorized", "[security_exception]: missing authentication credentials for REST request");
        }
        if (!spaces.containsKey(space)) {
            return Reply.platform(404, "Not Found", "Not Found");
        }
        if (!method.equals("GET") && ex.getRequestHeaders().getFirst("kbn-xsrf") == null) {
            return Reply.platform(400, "Bad Request", "Request must contain a kbn-xsrf header.");
        }
        String apiVersion = ex.getRequestHeaders().getFirst("Elastic-Api-Version");
        // Kibana's versioned router: a version that is not a date, then one the route does not serve.
        if (path.startsWith("/api/detection_engine") && apiVersion != null && !apiVersion.equals("2023-10-31")) {
            return Reply.platform(400, "Bad Request", apiVersion.matches("\\d{4}-\\d{2}-\\d{2}")
                    ? "No version \"" + apiVersion + "\" available for [" + method.toLowerCase(java.util.Locale.ROOT)
                            + "] [" + path + "]. Available versions are: [2023-10-31]"
                    : "Invalid version. Received \"" + apiVersion + "\", expected a valid date string formatted as "
                            + "YYYY-MM-DD.");
        }
        if (path.startsWith(RULES) && noRulesAuth.contains(auth)) {
            return Reply.platform(403, "Forbidden", "API [" + method + " " + path + "] is unauthorized for user, this "
                    + "action is granted by the Kibana privileges [securitySolution-rules-read]");
        }
        if (!method.equals("GET") && readOnlyAuth.contains(auth)) {
            return Reply.platform(403, "Forbidden", "API [" + method + " " + path + "] is unauthorized for user, this "
                    + "action is granted by the Kibana privileges [securitySolution-rules-all]");
        }
        if (path.equals("/api/status") && method.equals("GET")) {
            ObjectNode s = JSON.createObjectNode().put("name", "stand-in");
            s.putObject("version").put("number", version).put("build_snapshot", false);
            return Reply.ok(s);
        }
        // Requests the schema does not accept are refused before they touch the state (Kibana validates them too).
        List<String> problems = gate.request(request);
        if (!problems.isEmpty()) {
            return Reply.platform(400, "Bad Request", "stand-in schema validation: " + String.join("; ", problems));
        }
        RuleStore store = spaces.get(space);
        if (path.equals(RULES + "/_find") && method.equals("GET")) {
            return find(store, query);
        }
        if (path.equals(RULES + "/_import") && method.equals("POST")) {
            return importRules(store, ex.getRequestHeaders().getFirst("Content-Type"), body, query, fault);
        }
        if (path.equals(RULES + "/_bulk_action") && method.equals("POST")) {
            return bulkAction(store, JSON.readTree(body));
        }
        if (path.equals(RULES)) {
            return single(store, method, query, body);
        }
        return Reply.platform(404, "Not Found", "Not Found");
    }

    private Reply find(RuleStore store, Map<String, List<String>> query) {
        int page = Integer.parseInt(first(query, "page").orElse("1"));
        int perPage = Integer.parseInt(first(query, "per_page").orElse("20"));
        if ((long) page * perPage > MAX_WINDOW) {
            return Reply.siem(400, "Result window is too large, page * perPage must be <= " + MAX_WINDOW);
        }
        List<ObjectNode> all = store.all();
        if (first(query, "sort_order").orElse("asc").equals("desc")) {
            Collections.reverse(all = new ArrayList<>(all));
        }
        ObjectNode r = JSON.createObjectNode().put("page", page).put("perPage", perPage).put("total", all.size());
        ArrayNode data = r.putArray("data");
        int from = Math.min(all.size(), (page - 1) * perPage);
        all.subList(from, Math.min(all.size(), from + perPage)).forEach(data::add);
        return Reply.rules(r, "/data");
    }

    private Reply importRules(RuleStore store, String contentType, byte[] body, Map<String, List<String>> query,
                              Optional<Fault> fault) throws IOException {
        Optional<String> file = Multipart.part(contentType, body, "file");
        if (file.isEmpty()) {
            return Reply.platform(400, "Bad Request", "[request body.file]: expected a multipart file part");
        }
        boolean overwrite = first(query, "overwrite").map(Boolean::parseBoolean).orElse(false);
        List<String> lines = file.get().lines().filter(l -> !l.isBlank()).toList();
        ArrayNode errors = JSON.createArrayNode();
        int success = 0;
        int stopAt = fault.isPresent() && fault.get() instanceof Fault.ResetMidBatch ? lines.size() / 2 : Integer.MAX_VALUE;
        Set<String> seen = new HashSet<>();
        Set<String> duplicated = new HashSet<>();
        for (String line : lines) {
            String id = JSON.readTree(line).path("rule_id").asText("");
            if (!seen.add(id)) {
                duplicated.add(id);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (i == stopAt) {
                throw new IOException("stand-in: injected connection reset after " + i + " of " + lines.size() + " rules");
            }
            ObjectNode rule;
            try {
                rule = (ObjectNode) JSON.readTree(lines.get(i));
            } catch (IOException | ClassCastException e) {
                errors.add(importError(Optional.empty(), 400, "line " + (i + 1) + " is not a JSON object"));
                continue;
            }
            String ruleId = rule.path("rule_id").asText("");
            Optional<String> named = ruleId.isEmpty() ? Optional.empty() : Optional.of(ruleId);
            if (ruleId.isEmpty()) {
                errors.add(importError(named, 400, "rule_id: Required"));
                continue;
            }
            if (duplicated.contains(ruleId)) {
                errors.add(importError(named, 400, "More than one rule with rule-id: \"" + ruleId + "\" found"));
                continue;
            }
            // Each imported rule must be a valid create payload (the schema's RuleCreateProps for its type).
            List<String> problems = gate.rule(rule, "RuleCreateProps");
            if (!problems.isEmpty()) {
                errors.add(importError(named, 400, "invalid rule: " + String.join("; ", problems)));
                continue;
            }
            if (rejectOnImport.test(rule)) {
                errors.add(importError(named, 400, "stand-in refused rule \"" + ruleId + "\": invalid query"));
                continue;
            }
            if (store.get(ruleId).isPresent()) {
                if (!overwrite) {
                    errors.add(importError(named, 409, "rule_id: \"" + ruleId + "\" already exists"));
                    continue;
                }
                store.overwrite(rule);
            } else {
                store.create(rule);
            }
            success++;
        }
        ObjectNode r = JSON.createObjectNode();
        r.put("success", errors.isEmpty()).put("success_count", success).put("rules_count", lines.size());
        r.set("errors", errors);
        r.put("exceptions_success", true).put("exceptions_success_count", 0).putArray("exceptions_errors");
        r.put("action_connectors_success", true).put("action_connectors_success_count", 0);
        r.putArray("action_connectors_errors");
        r.putArray("action_connectors_warnings");
        return Reply.ok(r);
    }

    private static ObjectNode importError(Optional<String> ruleId, int status, String message) {
        ObjectNode e = JSON.createObjectNode();
        ruleId.ifPresent(id -> e.put("rule_id", id));
        e.putObject("error").put("status_code", status).put("message", message);
        return e;
    }

    private Reply bulkAction(RuleStore store, JsonNode req) {
        if (!req.path("action").asText().equals("delete") || !req.has("ids")) {
            return Reply.siem(400, "stand-in supports only the delete action by ids");
        }
        ArrayNode deleted = JSON.createArrayNode();
        ArrayNode errors = JSON.createArrayNode();
        for (JsonNode id : req.path("ids")) {
            Optional<ObjectNode> gone = store.deleteById(id.asText());
            if (gone.isPresent()) {
                deleted.add(gone.get());
            } else {
                ObjectNode e = errors.addObject().put("message", "Rule not found").put("status_code", 404);
                e.putArray("rules").addObject().put("id", id.asText());
            }
        }
        ObjectNode r = JSON.createObjectNode();
        r.put("success", errors.isEmpty()).put("rules_count", req.path("ids").size());
        ObjectNode attributes = r.putObject("attributes");
        ObjectNode results = attributes.putObject("results");
        results.putArray("updated");
        results.putArray("created");
        results.set("deleted", deleted);
        results.putArray("skipped");
        attributes.putObject("summary").put("failed", errors.size()).put("skipped", 0).put("succeeded", deleted.size())
                .put("total", req.path("ids").size());
        if (errors.isEmpty()) {
            return Reply.rules(r, "/attributes/results/deleted");
        }
        attributes.set("errors", errors);
        r.put("message", "Bulk edit partially failed").put("status_code", 500);
        return new Reply(500, r.toString(), Map.of(), "SiemErrorResponse");
    }

    private Reply single(RuleStore store, String method, Map<String, List<String>> query, byte[] body) throws IOException {
        Optional<String> ruleId = first(query, "rule_id");
        switch (method) {
            case "POST": {
                ObjectNode rule = (ObjectNode) JSON.readTree(body);
                String id = rule.path("rule_id").asText("");
                if (!id.isEmpty() && store.get(id).isPresent()) {
                    return Reply.siem(409, "rule_id: \"" + id + "\" already exists");
                }
                if (id.isEmpty()) {
                    rule.put("rule_id", java.util.UUID.randomUUID().toString());
                }
                return Reply.ok(store.create(rule));
            }
            case "GET": {
                Optional<ObjectNode> r = ruleId.flatMap(store::get).or(() -> first(query, "id").flatMap(store::byId));
                return r.map(Reply::ok).orElseGet(() -> Reply.siem(404, "rule_id: \"" + ruleId.orElse("") + "\" not found"));
            }
            case "DELETE": {
                Optional<ObjectNode> r = ruleId.flatMap(store::deleteByRuleId)
                        .or(() -> first(query, "id").flatMap(store::deleteById));
                return r.map(Reply::ok).orElseGet(() -> Reply.siem(404, "rule_id: \"" + ruleId.orElse("") + "\" not found"));
            }
            default:
                return Reply.platform(405, "Method Not Allowed", method + " is not supported by the stand-in");
        }
    }

    private void send(HttpExchange ex, Request request, Reply reply) throws IOException {
        if (reply.status() < 300) {
            gate.response(request, reply.status(), (ObjectNode) JSON.readTree(reply.body()), reply.ruleArrays());
        } else {
            gate.errorBody("response " + reply.status() + " to " + request.getMethod() + " " + request.getPath(),
                    reply.body(), reply.component());
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Optional<Fault> takeFault(String method, String path) {
        synchronized (faults) {
            for (Injection i : faults) {
                if (i.when().test(method, path)) {
                    faults.remove(i);
                    return Optional.of(i.fault());
                }
            }
        }
        return Optional.empty();
    }

    private static Request toValidatorRequest(HttpExchange ex, String method, String path, Map<String, List<String>> query,
                                              byte[] body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, path);
        ex.getRequestHeaders().forEach((k, vs) -> b.withHeader(k, vs));
        query.forEach(b::withQueryParam);
        String contentType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (body.length > 0) {
            if (contentType.startsWith("multipart/")) {
                b.withBody(body);
            } else {
                b.withBody(new String(body, StandardCharsets.UTF_8));
            }
        }
        return b.build();
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static Optional<String> first(Map<String, List<String>> query, String key) {
        List<String> v = query.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    private static String reason(int status) {
        switch (status) {
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "Error";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
