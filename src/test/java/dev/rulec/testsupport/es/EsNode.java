package dev.rulec.testsupport.es;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A reachable Elasticsearch node for tests, with a tiny JSON-over-HTTP helper: {@code node.post("/_query", body)}.
 * Bodies are JSON strings or any Jackson-serialisable value; {@link #bulk} takes NDJSON.
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

    /** A response: the HTTP status and the parsed body ({@code MissingNode} when empty or not JSON). */
    public record Response(int status, JsonNode body, String text) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
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

    private Response send(String method, String path, Optional<String> body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body.map(s -> HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8))
                        .orElse(HttpRequest.BodyPublishers.noBody()))
                .header("Accept", "application/json");
        if (body.isPresent()) {
            b.header("Content-Type", contentType);
        }
        credentials.ifPresent(c -> b.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))));
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
