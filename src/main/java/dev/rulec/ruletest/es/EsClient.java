package dev.rulec.ruletest.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rulec.check.AccessRefusal;
import dev.rulec.kibana.KibanaAuth;

import java.io.IOException;
import java.net.URI;
import dev.rulec.kibana.TlsContext;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** A minimal JSON-over-HTTP client for the few Elasticsearch APIs rule tests use. */
public final class EsClient {

    /** A response: status and parsed JSON body. */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String base;
    private final KibanaAuth auth;
    private final HttpClient http;

    /** @param auth the credentials, when security is on (read from {@code ClusterConfig.VARIABLES}) */
    public EsClient(String url, KibanaAuth auth) {
        this(url, auth, Optional.empty());
    }

    /** @param caCert a PEM file of the CA to trust besides the JVM's (a private CA), as {@code rulec check --ca-cert} */
    public EsClient(String url, KibanaAuth auth, Optional<Path> caCert) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.auth = auth;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        caCert.ifPresent(pem -> b.sslContext(TlsContext.trusting(pem)));
        this.http = b.build();
    }

    public String url() {
        return base;
    }

    public Response send(String method, String path, Optional<String> body, String contentType) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .method(method, body.map(s -> HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8))
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        body.ifPresent(x -> b.header("Content-Type", contentType));
        auth.header().ifPresent(a -> b.header("Authorization", a));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = r.body();
            JsonNode json = text == null || text.isBlank() ? MAPPER.nullNode() : parse(text);
            Response response = new Response(r.statusCode(), json);
            Optional<String> refused = AccessRefusal.message(method + " " + path + " at " + base, r.statusCode(),
                    auth.scrub(reason(response)));
            if (refused.isPresent()) {
                throw new EsRefusedException(refused.get());
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(text);
        }
    }

    public Response json(String method, String path, JsonNode body) throws IOException {
        return send(method, path, Optional.of(MAPPER.writeValueAsString(body)), "application/json");
    }

    public Response ndjson(String path, String body) throws IOException {
        return send("POST", path, Optional.of(body), "application/x-ndjson");
    }

    public Response delete(String path) throws IOException {
        return send("DELETE", path, Optional.empty(), "application/json");
    }

    /** The error's reason, for messages. */
    public static String reason(Response r) {
        JsonNode e = r.body().path("error");
        if (e.isMissingNode()) {
            return "HTTP " + r.status() + ": " + r.body();
        }
        JsonNode root = e.path("root_cause").path(0);
        if (!root.isMissingNode() && !root.path("reason").asText().equals(e.path("reason").asText())) {
            e = root;
        }
        JsonNode cause = e.path("caused_by");
        String s = e.path("type").asText() + ": " + e.path("reason").asText();
        if (!cause.isMissingNode()) {
            s += " (" + cause.path("reason").asText() + ")";
        }
        return s;
    }
}
