package dev.rulec.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * HTTP to Kibana: the versioned-API headers, auth, timeouts, retries with backoff, and one mapping from failures to
 * {@link KibanaException} messages. Never logs or returns a header value.
 */
final class KibanaTransport {
    static final String API_VERSION = "2023-10-31";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call. {@code accepted}: non-2xx statuses the caller handles itself (e.g. a bulk action's 500 with per-rule errors). */
    record Call(String method, String pathAndQuery, Optional<byte[]> body, String contentType, boolean write,
                Set<Integer> accepted) {
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new KibanaException(KibanaException.Kind.SERVER, status, "Kibana answered with invalid JSON ("
                        + e.getClass().getSimpleName() + "); is the URL Kibana's, not a proxy's login page?", e);
            }
        }
    }

    private final KibanaConfig config;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    KibanaTransport(KibanaConfig config, Sleeper sleeper) {
        config.validate();
        this.config = config;
        this.sleeper = sleeper;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        config.caCert().ifPresent(pem -> b.sslContext(TlsContext.trusting(pem)));
        this.http = b.build();
    }

    int requests() {
        return requests.get();
    }

    int writes() {
        return writes.get();
    }

    int retries() {
        return retries.get();
    }

    Reply send(Call call) {
        URI uri = uri(call.pathAndQuery());
        int attempt = 0;
        while (true) {
            attempt++;
            Optional<Duration> retryAfter = Optional.empty();
            String failure;
            Optional<Throwable> cause = Optional.empty();
            int status = 0;
            try {
                requests.incrementAndGet();
                if (call.write()) {
                    writes.incrementAndGet();
                }
                HttpResponse<String> r = http.send(request(uri, call), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                status = r.statusCode();
                if ((status >= 200 && status < 300) || call.accepted().contains(status)) {
                    return new Reply(status, r.body());
                }
                if (r.headers().firstValue("X-elastic-product").filter("Elasticsearch"::equals).isPresent()) {
                    throw new KibanaException(KibanaException.Kind.CONFIG, status, describe(call) + ": "
                            + config.redactedUrl() + " is Elasticsearch, not Kibana; pass Kibana's URL (port 5601 by default)", null);
                }
                if (!RetryPolicy.retryable(status)) {
                    throw error(call, status, r.body());
                }
                retryAfter = r.headers().firstValue("Retry-After").flatMap(KibanaTransport::parseRetryAfter);
                failure = "HTTP " + status;
                if (retryAfter.isPresent() && retryAfter.get().compareTo(RetryPolicy.MAX_RETRY_AFTER) > 0) {
                    throw new KibanaException(KibanaException.Kind.SERVER, status, describe(call) + ": Kibana answered "
                            + status + " and asks to wait " + retryAfter.get().toSeconds() + " s; try again later", null);
                }
            } catch (SSLException e) {
                throw new KibanaException(KibanaException.Kind.TRANSPORT, 0, describe(call) + ": TLS failed ("
                        + e.getMessage() + "); if Kibana uses a private CA, pass it with --ca-cert", e);
            } catch (HttpConnectTimeoutException | ConnectException e) {
                failure = "cannot connect (" + e.getClass().getSimpleName() + ")";
                cause = Optional.of(e);
            } catch (HttpTimeoutException e) {
                failure = "no answer within " + seconds(config.readTimeout()) + " s";
                cause = Optional.of(e);
            } catch (IOException e) {
                failure = "connection failed (" + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()) + ")";
                cause = Optional.of(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KibanaException(KibanaException.Kind.TRANSPORT, 0, describe(call) + ": interrupted", e);
            }
            if (attempt >= config.retry().maxAttempts()) {
                KibanaException.Kind kind = status == 0 ? KibanaException.Kind.TRANSPORT : KibanaException.Kind.SERVER;
                throw new KibanaException(kind, status, describe(call) + " failed after " + attempt + " attempts: "
                        + failure, cause.orElse(null));
            }
            retries.incrementAndGet();
            try {
                sleeper.sleep(config.retry().delay(attempt, retryAfter));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KibanaException(KibanaException.Kind.TRANSPORT, 0, describe(call) + ": interrupted", e);
            }
        }
    }

    private HttpRequest request(URI uri, Call call) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.readTimeout())
                .header("Elastic-Api-Version", API_VERSION)
                .header("kbn-xsrf", "rulec")
                .header("Accept", "application/json")
                .method(call.method(), call.body().map(HttpRequest.BodyPublishers::ofByteArray)
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        if (call.body().isPresent()) {
            b.header("Content-Type", call.contentType());
        }
        config.auth().header().ifPresent(h -> b.header("Authorization", h));
        return b.build();
    }

    private URI uri(String pathAndQuery) {
        String base = config.url().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String space = config.space().filter(s -> !s.equals("default")).map(s -> "/s/" + s).orElse("");
        return URI.create(base + space + pathAndQuery);
    }

    private String describe(Call call) {
        String path = call.pathAndQuery();
        int q = path.indexOf('?');
        return call.method() + " " + (q >= 0 ? path.substring(0, q) : path);
    }

    private KibanaException error(Call call, int status, String body) {
        String server = scrub(serverMessage(body));
        String where = describe(call);
        String space = config.space().map(s -> "space [" + s + "]").orElse("the default space");
        if (status == 401) {
            return new KibanaException(KibanaException.Kind.UNAUTHORIZED, status, where + ": Kibana answered 401 "
                    + "Unauthorized: credentials are missing or wrong (set " + KibanaAuth.API_KEY + ", or "
                    + KibanaAuth.USERNAME + " and " + KibanaAuth.PASSWORD + ")" + suffix(server), null);
        }
        if (status == 403) {
            return new KibanaException(KibanaException.Kind.FORBIDDEN, status, where + ": Kibana answered 403 "
                    + "Forbidden: the user lacks a privilege in " + space + " (deploying needs the Security feature "
                    + "'Rules and Exceptions' with All)" + suffix(server), null);
        }
        if (status == 404) {
            return new KibanaException(KibanaException.Kind.NOT_FOUND, status, where + ": Kibana answered 404 Not "
                    + "Found: " + space + " does not exist, or this Kibana has no such API (is the Security app "
                    + "enabled, and is the URL Kibana's, not Elasticsearch's?)" + suffix(server), null);
        }
        if (status == 400 && KibanaResponses.isApiVersionRefusal(server)) {
            return new KibanaException(KibanaException.Kind.VERSION_MISMATCH, status, where + ": Kibana rejected API "
                    + "version " + API_VERSION + "; rulec needs a Kibana that serves this version of the detection engine API"
                    + suffix(server), null);
        }
        KibanaException.Kind kind = status >= 500 ? KibanaException.Kind.SERVER : KibanaException.Kind.REJECTED;
        return new KibanaException(kind, status, where + ": Kibana answered " + status + suffix(server), null);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private static String suffix(String server) {
        return server.isEmpty() ? "" : ": " + server;
    }

    private static String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (IOException e) {
            parsed = JSON.missingNode();
        }
        return KibanaResponses.errorMessage(body, parsed);
    }

    /** The text with the credentials' secret and header taken out. */
    String scrub(String text) {
        return config.auth().scrub(text);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
