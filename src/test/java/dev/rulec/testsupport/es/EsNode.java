package dev.rulec.testsupport.es;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.kibana.KibanaAuth;
import dev.rulec.schema.IndexMappingBuilder;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A reachable Elasticsearch node for tests, with a tiny JSON-over-HTTP helper: {@code node.post("/_query", body)}.
 * Bodies are JSON strings or any Jackson-serialisable value; {@link #bulk} takes NDJSON. The helpers below it build
 * test indices, index generated events and run ES|QL and query_string searches for the differential tests.
 */
public record EsNode(URI url, Optional<Credentials> credentials) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public EsNode {
        if (url == null || credentials == null) {
            throw new NullPointerException("EsNode component is null");
        }
    }

    /** Basic-auth credentials, for a node with security on. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }

    /** The credentials as rulec's own Elasticsearch clients take them. */
    public KibanaAuth auth() {
        return credentials.<KibanaAuth>map(c -> new KibanaAuth.Basic(c.user(), c.password())).orElse(new KibanaAuth.None());
    }

    /** A response: the HTTP status and the parsed body ({@code MissingNode} when empty or not JSON). */
    public record Response(int status, JsonNode body, String text) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The run's node ({@link SharedElasticsearch}), or the test is skipped with a message when none is configured. */
    public static EsNode require() {
        Optional<EsNode> node = SharedElasticsearch.get();
        Assumptions.assumeTrue(node.isPresent(), "skipped: no Elasticsearch node (set -Drulec.es.url or RULEC_ES_URL)");
        return node.get();
    }

    public JsonNode get(String path) {
        return expectOk("GET", path, send("GET", path, Optional.empty(), "application/json"));
    }

    public JsonNode put(String path, Object body) {
        return expectOk("PUT", path, send("PUT", path, Optional.of(text(body)), "application/json"));
    }

    public JsonNode post(String path, Object body) {
        return expectOk("POST", path, send("POST", path, Optional.of(text(body)), "application/json"));
    }

    public JsonNode delete(String path) {
        return expectOk("DELETE", path, send("DELETE", path, Optional.empty(), "application/json"));
    }

    /** {@code _bulk} with NDJSON lines (a final newline is added when missing); fails when any item failed. */
    public JsonNode bulk(String path, String ndjson) {
        String body = ndjson.endsWith("\n") ? ndjson : ndjson + "\n";
        JsonNode r = expectOk("POST", path, send("POST", path, Optional.of(body), "application/x-ndjson"));
        if (r.path("errors").asBoolean(false)) {
            throw new AssertionError("bulk had item errors: " + r);
        }
        return r;
    }

    /** Any request, without a status check: for tests of error responses. */
    public Response request(String method, String path, Optional<Object> body) {
        return send(method, path, body.map(EsNode::text), "application/json");
    }

    /** A JSON request without a status check. */
    public Response json(String method, String path, JsonNode body) {
        return send(method, path, Optional.ofNullable(body).map(JsonNode::toString), "application/json");
    }

    /**
     * (Re)creates an index with explicit mappings ({@link IndexMappingBuilder}; malformed values ignored, so generated
     * near misses such as "not-an-ip" do not fail the bulk); other strings map as keyword, not text.
     */
    public void createIndex(String index, Map<String, String> fieldTypes) {
        IndexMappingBuilder mapping = new IndexMappingBuilder().ignoreMalformed();
        fieldTypes.forEach(mapping::field);
        createIndex(index, mapping);
    }

    /** (Re)creates an index with the mapping. */
    public void createIndex(String index, IndexMappingBuilder mapping) {
        deleteIndex(index);
        put("/" + index, mapping.createBody());
    }

    /** Indexes the documents with ids {@code prefix + position}, refreshed; returns the errors per id (empty if none). */
    public Map<String, String> bulk(String index, String idPrefix, List<? extends JsonNode> docs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            sb.append("{\"index\":{\"_id\":\"").append(idPrefix).append(i).append("\"}}\n").append(docs.get(i)).append('\n');
        }
        String path = "/" + index + "/_bulk?refresh=true";
        JsonNode r = expectOk("POST", path, send("POST", path, Optional.of(sb.toString()), "application/x-ndjson"));
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode item : r.path("items")) {
            JsonNode x = item.path("index");
            if (x.has("error")) {
                errors.put(x.path("_id").asText(), x.path("error").path("reason").asText());
            }
        }
        return errors;
    }

    /** The outcome of a query: matching ids, or the error the node gave. */
    public record Hits(Set<String> ids, Optional<String> error) {
    }

    /** Runs an ES|QL query (which must keep {@code _id}), returning the {@code _id} column. */
    public Hits esql(String query) {
        Response r = json("POST", "/_query", JSON.createObjectNode().put("query", query));
        if (!r.ok()) {
            return new Hits(Set.of(), Optional.of(r.body().path("error").path("reason").asText(r.text())));
        }
        int idCol = -1;
        JsonNode cols = r.body().path("columns");
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).path("name").asText().equals("_id")) {
                idCol = i;
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode row : r.body().path("values")) {
            ids.add(row.get(idCol).asText());
        }
        return new Hits(ids, Optional.empty());
    }

    /** Runs a query_string query on the index. */
    public Hits queryString(String index, String query) {
        ObjectNode q = JSON.createObjectNode();
        q.putObject("query_string").put("query", query);
        return search(index, q);
    }

    /** Runs a Query DSL query on the index: the ids of up to 10,000 hits, or the node's reason for refusing it. */
    public Hits search(String index, JsonNode query) {
        ObjectNode body = JSON.createObjectNode().put("size", 10000);
        body.putArray("_source").add("_id");
        body.set("query", query);
        Response r = json("POST", "/" + index + "/_search", body);
        if (!r.ok()) {
            JsonNode err = r.body().path("error");
            String reason = err.path("root_cause").path(0).path("reason").asText(err.toString());
            JsonNode cause = err.path("caused_by");
            return new Hits(Set.of(), Optional.of(reason + (cause.isMissingNode() ? "" : " / " + cause.path("reason").asText())));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode h : r.body().path("hits").path("hits")) {
            ids.add(h.path("_id").asText());
        }
        return new Hits(ids, Optional.empty());
    }

    /** Deletes the index if it exists. */
    public void deleteIndex(String index) {
        request("DELETE", "/" + index, Optional.empty());
    }

    private Response send(String method, String path, Optional<String> body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(120))
                .method(method, body.map(s -> HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8))
                        .orElse(HttpRequest.BodyPublishers.noBody()))
                .header("Accept", "application/json");
        if (body.isPresent()) {
            b.header("Content-Type", contentType);
        }
        auth().header().ifPresent(h -> b.header("Authorization", h));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), parse(r.body()), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url.resolve(path) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }

    private static JsonNode expectOk(String method, String path, Response r) {
        if (!r.ok()) {
            throw new AssertionError(method + " " + path + " answered " + r.status() + ": " + r.text());
        }
        return r.body();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise request body: " + e.getMessage(), e);
        }
    }
}
