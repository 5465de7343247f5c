package dev.rulec.check;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.FieldCapsResponse;
import co.elastic.clients.elasticsearch.core.field_caps.FieldCapability;
import co.elastic.clients.elasticsearch.security.HasPrivilegesResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.endpoints.BinaryResponse;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.rulec.kibana.TlsContext;
import dev.rulec.kibana.KibanaException;
import dev.rulec.schema.Schema;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The few calls {@code rulec check} makes, through the official Elasticsearch Java client; every failure becomes a
 * {@link CheckException} that says what to do, with the secret scrubbed from anything the cluster echoed.
 */
final class Cluster implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 120_000;

    private final ClusterConfig config;
    private final RestClientTransport transport;
    private final ElasticsearchClient client;

    private Cluster(ClusterConfig config, RestClientTransport transport) {
        this.config = config;
        this.transport = transport;
        this.client = new ElasticsearchClient(transport);
    }

    static Cluster connect(ClusterConfig config) {
        config.validate();
        java.net.URI u = config.url();
        HttpHost host = new HttpHost(u.getHost(), u.getPort() >= 0 ? u.getPort()
                : u.getScheme().equalsIgnoreCase("https") ? 443 : 80, u.getScheme());
        Header[] headers = config.auth().header().map(a -> new Header[] {new BasicHeader("Authorization", a)})
                .orElse(new Header[0]);
        Optional<SSLContext> tls;
        try {
            tls = config.caCert().map(TlsContext::trusting);
        } catch (KibanaException e) {
            throw new CheckException(CheckException.Kind.CONFIG, e.getMessage(), e);
        }
        RestClientBuilder b = RestClient.builder(host).setDefaultHeaders(headers)
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(CONNECT_TIMEOUT_MS).setSocketTimeout(READ_TIMEOUT_MS));
        // Hostnames are verified by the client's default strategy; a --ca-cert only adds what is trusted.
        tls.ifPresent(ctx -> b.setHttpClientConfigCallback(hc -> hc.setSSLContext(ctx)));
        String path = Optional.ofNullable(u.getRawPath()).orElse("");
        if (!path.isEmpty() && !path.equals("/")) {
            b.setPathPrefix(path);
        }
        return new Cluster(config, new RestClientTransport(b.build(), new JacksonJsonpMapper()));
    }

    /** The authenticated user's name; empty when the cluster runs without security. */
    Optional<String> user() {
        try {
            return Optional.of(client.security().authenticate().username());
        } catch (ElasticsearchException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw failure("GET /_security/_authenticate", e);
            }
            // Security off: the API is unavailable, and every request is allowed.
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw failure("GET /_security/_authenticate", e);
        }
    }

    /** Pattern → the privileges among {@code read} and {@code view_index_metadata} the user lacks on it. */
    Map<String, List<String>> missingPrivileges(List<String> patterns) {
        try {
            HasPrivilegesResponse r = client.security().hasPrivileges(h -> h.index(i -> i.names(patterns)
                    .privileges("read", "view_index_metadata")));
            Map<String, List<String>> out = new TreeMap<>();
            r.index().forEach((name, privs) -> {
                List<String> missing = privs.entrySet().stream().filter(p -> !p.getValue()).map(Map.Entry::getKey)
                        .sorted().toList();
                if (!missing.isEmpty()) {
                    out.put(name, missing);
                }
            });
            return out;
        } catch (IOException | RuntimeException e) {
            throw failure("GET /_security/user/_has_privileges", e);
        }
    }

    IndexFields fields(List<String> patterns) {
        FieldCapsResponse resp;
        try {
            resp = client.fieldCaps(r -> r.index(patterns).fields("*").ignoreUnavailable(true).allowNoIndices(true));
        } catch (IOException | RuntimeException e) {
            throw failure("GET " + String.join(",", patterns) + "/_field_caps", e);
        }
        Set<String> nonAggregatable = new HashSet<>();
        Map<String, String> conflicts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, FieldCapability>> e : resp.fields().entrySet()) {
            Map<String, FieldCapability> byType = e.getValue();
            if (byType.values().stream().anyMatch(c -> !c.aggregatable())) {
                nonAggregatable.add(e.getKey());
            }
            if (byType.size() > 1) {
                Map<String, String> where = new TreeMap<>();
                byType.forEach((type, cap) -> where.put(type, cap.indices().isEmpty() ? "some indices"
                        : String.join(", ", cap.indices())));
                List<String> parts = new ArrayList<>();
                where.forEach((type, idx) -> parts.add("[" + type + "] in [" + idx + "]"));
                conflicts.put(e.getKey(), String.join(" and ", parts));
            }
        }
        Schema schema = Schema.fromFieldCaps(resp, "_field_caps of " + String.join(",", patterns));
        return new IndexFields(patterns, resp.indices(), schema, nonAggregatable, conflicts);
    }

    /**
     * Runs an ES|QL query; the cluster's refusal ({@code parsing_exception}, {@code verification_exception}, …) comes
     * back, anything else that fails throws.
     */
    @SuppressWarnings("try") // the response is opened only to be closed: the verdict is whether the query ran
    Optional<Refusal> esql(String query) {
        try (BinaryResponse r = client.esql().query(q -> q.query(query))) {
            return Optional.empty();
        } catch (ElasticsearchException e) {
            if (e.status() == 400 && e.error() != null) {
                ErrorCause c = e.error();
                return Optional.of(new Refusal(Optional.ofNullable(c.type()).orElse("error"),
                        scrub(Optional.ofNullable(c.reason()).orElse(""))));
            }
            throw failure("POST /_query", e);
        } catch (IOException | RuntimeException e) {
            throw failure("POST /_query", e);
        }
    }

    /**
     * Lucene query text as Kibana runs it ({@code query_string}), validated with explanations: the per-index rewritten
     * queries (where an unmapped field shows as {@code unmapped field [x]}), or the cluster's error.
     */
    LuceneValidation lucene(List<String> patterns, String query) {
        try {
            co.elastic.clients.elasticsearch.indices.ValidateQueryResponse r = client.indices().validateQuery(v -> v
                    .index(patterns).ignoreUnavailable(true).allowNoIndices(true).explain(true)
                    .query(q -> q.queryString(qs -> qs.query(query).analyzeWildcard(true))));
            List<String> explanations = new ArrayList<>();
            Optional<String> error = r.valid() ? Optional.empty() : Optional.ofNullable(r.error());
            for (var e : r.explanations()) {
                Optional.ofNullable(e.explanation()).ifPresent(explanations::add);
                if (!e.valid() && error.isEmpty()) {
                    error = Optional.ofNullable(e.error());
                }
            }
            return new LuceneValidation(explanations, error.map(this::scrub));
        } catch (IOException | RuntimeException e) {
            throw failure("GET " + String.join(",", patterns) + "/_validate/query", e);
        }
    }

    /** @param error the cluster's reason when it cannot parse or run the query */
    record LuceneValidation(List<String> explanations, Optional<String> error) {
    }

    /** The cluster refused a query: its error type and reason. */
    record Refusal(String type, String reason) {
    }

    private CheckException failure(String call, Exception e) {
        int status = e instanceof ElasticsearchException ee ? ee.status()
                : e instanceof TransportException te ? te.statusCode() : 0;
        String where = call + " at " + config.redactedUrl();
        String reason = scrub(reason(e));
        Optional<String> refused = AccessRefusal.message(where, status, reason);
        if (refused.isPresent()) {
            return new CheckException(status == 401 ? CheckException.Kind.UNAUTHORIZED : CheckException.Kind.FORBIDDEN,
                    refused.get(), null);
        }
        if (status > 0) {
            return new CheckException(CheckException.Kind.SERVER, where + ": Elasticsearch answered " + status + ": "
                    + reason, null);
        }
        return new CheckException(CheckException.Kind.TRANSPORT, where + ": cannot reach Elasticsearch: " + reason
                + " (is the URL right and the cluster up?)", null);
    }

    private static String reason(Exception e) {
        if (e instanceof ElasticsearchException ee && ee.error() != null) {
            ErrorCause c = ee.error();
            return "[" + c.type() + "]: " + c.reason();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** The cluster may echo a header back; the secret never reaches a message. */
    private String scrub(String s) {
        return config.auth().scrub(s);
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            // Closing a client whose connections are gone: nothing to tell the user.
        }
    }
}
