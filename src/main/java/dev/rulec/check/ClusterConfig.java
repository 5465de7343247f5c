package dev.rulec.check;

import dev.rulec.kibana.KibanaAuth;
import dev.rulec.kibana.KibanaConfig;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Elasticsearch cluster is and how to reach it: the same rules as {@code rulec deploy} for Kibana. TLS is
 * always verified ({@code caCert} adds a PEM CA); plain http only to loopback unless {@code insecureHttp}.
 */
public record ClusterConfig(URI url, KibanaAuth auth, Optional<Path> caCert, boolean insecureHttp) {

    /**
     * {@code RULEC_ES_API_KEY[_FILE]}, or {@code RULEC_ES_USERNAME} (default {@code elastic}, as {@code rulec test --es}
     * reads it) with {@code RULEC_ES_PASSWORD[_FILE]}.
     */
    public static final KibanaAuth.Variables VARIABLES = new KibanaAuth.Variables("RULEC_ES_API_KEY",
            "RULEC_ES_USERNAME", "RULEC_ES_PASSWORD", Optional.of("elastic"));

    public ClusterConfig {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(auth, "auth is null");
        Objects.requireNonNull(caCert, "caCert is null");
    }

    /**
     * The settings for a URL, with credentials from the environment.
     *
     * @throws CheckException (CONFIG) for a malformed URL or half-set credentials
     */
    public static ClusterConfig of(String url, Map<String, String> env, Optional<Path> caCert, boolean insecureHttp) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new CheckException(CheckException.Kind.CONFIG, "--es: not a URL (use http(s)://host:port)", e);
        }
        KibanaAuth auth;
        try {
            auth = KibanaAuth.fromEnvironment(env, VARIABLES);
        } catch (dev.rulec.kibana.KibanaException e) {
            throw new CheckException(CheckException.Kind.CONFIG, e.getMessage(), e);
        }
        ClusterConfig c = new ClusterConfig(uri, auth, caCert, insecureHttp);
        c.validate();
        return c;
    }

    /** @throws CheckException (CONFIG) with what to change */
    public void validate() {
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw config("the Elasticsearch URL [" + redactedUrl() + "] must be http(s)://host[:port][/base-path]");
        }
        if (url.getUserInfo() != null) {
            throw config("the Elasticsearch URL must not carry credentials; set " + VARIABLES.advice() + " instead");
        }
        if (scheme.equals("http") && !insecureHttp && !KibanaConfig.isLoopback(url.getHost())) {
            throw config("refusing plain http to " + url.getHost() + ": credentials and queries would travel "
                    + "unencrypted; use https, or --insecure to allow it");
        }
    }

    /** The URL without user info, query or fragment, for messages. */
    public String redactedUrl() {
        if (url.getScheme() == null || url.getHost() == null) {
            return "?";
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + Optional.ofNullable(url.getRawPath()).orElse("");
    }

    private static CheckException config(String message) {
        return new CheckException(CheckException.Kind.CONFIG, message, null);
    }
}
