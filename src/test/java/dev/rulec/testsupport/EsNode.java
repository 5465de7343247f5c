package dev.rulec.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real Elasticsearch node for integration tests, at the URL in system property {@code rulec.es.url} or env
 * {@code RULEC_ES_URL}; tests skip with a message when neither is set. Plain {@code java.net.http} and Jackson.
 */
public final class EsNode {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private EsNode(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static Optional<String> configuredUrl() {
        String u = System.getProperty("rulec.es.url");
        if (u == null || u.isBlank()) {
            u = System.getenv("RULEC_ES_URL");
        }
        return u == null || u.isBlank() ? Optional.empty() : Optional.of(u);
    }

    /** The configured node, or the test is skipped with a message. */
    public static EsNode require() {
        Optional<String> u = configuredUrl();
        Assumptions.assumeTrue(u.isPresent(), "skipped: no Elasticsearch node (set -Drulec.es.url or RULEC_ES_URL)");
        return new EsNode(u.get());
    }

    /** The HTTP status and parsed body of one request. */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode n = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response json(String method, String path, JsonNode body) {
        return send(method, path, body == null ? null : body.toString(), "application/json");
    }

    /** (Re)creates an index with explicit mappings (malformed values ignored); other strings map as keyword, not text. */
    public void createIndex(String index, Map<String, String> fieldTypes) {
        send("DELETE", "/" + index, null, null);
        ObjectNode body = JSON.createObjectNode();
        body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0)
                .put("index.mapping.total_fields.limit", 10000);
        ObjectNode mappings = body.putObject("mappings");
        ArrayNode dyn = mappings.putArray("dynamic_templates");
        dyn.addObject().putObject("strings").put("match_mapping_type", "string")
                .putObject("mapping").put("type", "keyword");
        ObjectNode props = mappings.putObject("properties");
        fieldTypes.forEach((f, t) -> {
            ObjectNode m = props.putObject(f).put("type", t);
            if (java.util.Set.of("long", "integer", "short", "byte", "double", "float", "half_float", "ip", "date",
                    "date_nanos", "geo_point").contains(t)) {
                m.put("ignore_malformed", true); // generated near misses ("not-an-ip") must not fail the bulk
            }
        });
        Response r = json("PUT", "/" + index, body);
        if (!r.ok()) {
            throw new IllegalStateException("create index " + index + ": " + r.body());
        }
    }

    /** Indexes the documents with ids {@code prefix + position}, refreshed; returns the errors per id (empty if none). */
    public Map<String, String> bulk(String index, String idPrefix, List<? extends JsonNode> docs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            sb.append("{\"index\":{\"_id\":\"").append(idPrefix).append(i).append("\"}}\n").append(docs.get(i)).append('\n');
        }
        Response r = send("POST", "/" + index + "/_bulk?refresh=true", sb.toString(), "application/x-ndjson");
        if (!r.ok()) {
            throw new IllegalStateException("bulk: " + r.body());
        }
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        for (JsonNode item : r.body().path("items")) {
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
        ObjectNode body = JSON.createObjectNode().put("query", query);
        Response r = json("POST", "/_query", body);
        if (!r.ok()) {
            return new Hits(Set.of(), Optional.of(r.body().path("error").path("reason").asText(r.body().toString())));
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
        ObjectNode body = JSON.createObjectNode().put("size", 10000);
        body.putArray("_source").add("_id");
        body.putObject("query").putObject("query_string").put("query", query);
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

    public void deleteIndex(String index) {
        send("DELETE", "/" + index, null, null);
    }
}
