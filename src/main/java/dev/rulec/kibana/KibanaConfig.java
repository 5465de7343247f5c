package dev.rulec.kibana;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how to reach Kibana.
 *
 * @param url        Kibana's base URL (https; http only for loopback hosts unless {@code insecureHttp})
 * @param space      the Kibana space; empty for the default space
 * @param caCert     a PEM file with the CA certificate(s) to trust instead of the JVM's defaults
 * @param insecureHttp allow plain http to a non-loopback host ({@code --insecure}); TLS verification is never disabled
 */
public record KibanaConfig(URI url, Optional<String> space, KibanaAuth auth, Optional<Path> caCert, boolean insecureHttp,
                           Duration connectTimeout, Duration readTimeout, RetryPolicy retry) {
    private static final Pattern SPACE_ID = Pattern.compile("[a-z0-9_-]+");

    public KibanaConfig {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(space, "space is null");
        Objects.requireNonNull(auth, "auth is null");
        Objects.requireNonNull(caCert, "caCert is null");
        Objects.requireNonNull(connectTimeout, "connectTimeout is null");
        Objects.requireNonNull(readTimeout, "readTimeout is null");
        Objects.requireNonNull(retry, "retry is null");
    }

    /** Defaults: default space, no CA file, https required off loopback, 10 s connect, 120 s read, default retries. */
    public static KibanaConfig of(URI url, KibanaAuth auth) {
        return new KibanaConfig(url, Optional.empty(), auth, Optional.empty(), false, Duration.ofSeconds(10),
                Duration.ofSeconds(120), RetryPolicy.defaults());
    }

    public KibanaConfig withSpace(String id) {
        return new KibanaConfig(url, Optional.of(id), auth, caCert, insecureHttp, connectTimeout, readTimeout, retry);
    }

    public KibanaConfig withCaCert(Path pem) {
        return new KibanaConfig(url, space, auth, Optional.of(pem), insecureHttp, connectTimeout, readTimeout, retry);
    }

    public KibanaConfig withInsecureHttp(boolean allow) {
        return new KibanaConfig(url, space, auth, caCert, allow, connectTimeout, readTimeout, retry);
    }

    public KibanaConfig withTimeouts(Duration connect, Duration read) {
        return new KibanaConfig(url, space, auth, caCert, insecureHttp, connect, read, retry);
    }

    public KibanaConfig withRetry(RetryPolicy policy) {
        return new KibanaConfig(url, space, auth, caCert, insecureHttp, connectTimeout, readTimeout, policy);
    }

    /**
     * Checks the URL, the scheme rule and the space id.
     *
     * @throws KibanaException (CONFIG) with what to change
     */
    public void validate() {
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new KibanaException(KibanaException.Kind.CONFIG, "the Kibana URL [" + redactedUrl()
                    + "] must be http(s)://host[:port][/base-path]");
        }
        if (url.getUserInfo() != null) {
            throw new KibanaException(KibanaException.Kind.CONFIG,
                    "the Kibana URL must not carry credentials; set " + KibanaAuth.USERNAME + " and " + KibanaAuth.PASSWORD
                            + " or " + KibanaAuth.API_KEY + " instead");
        }
        if (scheme.equals("http") && !insecureHttp && !isLoopback(url.getHost())) {
            throw new KibanaException(KibanaException.Kind.CONFIG, "refusing plain http to " + url.getHost()
                    + ": credentials and rules would travel unencrypted; use https, or --insecure to allow it");
        }
        space.ifPresent(s -> {
            if (!SPACE_ID.matcher(s).matches()) {
                throw new KibanaException(KibanaException.Kind.CONFIG, "invalid space id [" + s
                        + "]: use the space's URL identifier (lower-case letters, digits, '-' and '_')");
            }
        });
    }

    /** The URL without user info, query or fragment, for messages. */
    public String redactedUrl() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + Optional.ofNullable(url.getRawPath()).orElse("");
    }

    /** Whether a URL's host is this machine, judged from the literal name or address only (never resolved by DNS). */
    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: a name is never resolved here, so DNS cannot make a remote host look local.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
