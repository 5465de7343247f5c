package dev.rulec.testsupport.es;

import java.net.URI;
import java.util.Optional;

/**
 * The one Elasticsearch node of a test run (one per test JVM). Either an external node named by system property
 * {@code rulec.es.url} or env {@code RULEC_ES_URL} (optional password for user {@code elastic}: {@code rulec.es.password}
 * or {@code RULEC_ES_PASSWORD}), or a node started on first demand from the artifacts failsafe provides
 * ({@link EsSettings#fromSystem()}). A started node publishes its URL as system property {@code rulec.es.url}, so tests
 * that only read that property find it; it is stopped by {@link EsLauncherListener} when the launcher session closes,
 * or at JVM exit at the latest. A failed start is remembered and reported again to every later caller, not retried.
 */
public final class SharedElasticsearch {
    public static final String URL_PROPERTY = "rulec.es.url";

    /** What the run has: a node, a start failure, or nothing configured. */
    private static Optional<EsNode> node = Optional.empty();
    private static Optional<RuntimeException> failure = Optional.empty();
    private static Optional<LocalElasticsearch> started = Optional.empty();
    private static boolean hookInstalled;

    private SharedElasticsearch() {
    }

    /**
     * The run's node, starting it on first use; empty when none is configured (no URL, not run by failsafe).
     *
     * @throws EsStartException when the node was configured but could not start (now or earlier in the run)
     */
    public static synchronized Optional<EsNode> get() {
        if (node.isPresent()) {
            return node;
        }
        if (failure.isPresent()) {
            throw new EsStartException("Elasticsearch could not start earlier in this run: " + failure.get().getMessage(),
                    failure.get());
        }
        Optional<String> external = setting(URL_PROPERTY, "RULEC_ES_URL");
        if (external.isPresent()) {
            node = Optional.of(new EsNode(URI.create(stripSlash(external.get())),
                    setting("rulec.es.password", "RULEC_ES_PASSWORD").map(p -> new EsNode.Credentials("elastic", p))));
            return node;
        }
        Optional<EsSettings> settings = EsSettings.fromSystem();
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalElasticsearch es = LocalElasticsearch.start(settings.get());
            started = Optional.of(es);
            installShutdownHook();
            node = Optional.of(es.node());
            System.setProperty(URL_PROPERTY, es.node().url().toString());
            return node;
        } catch (RuntimeException e) {
            failure = Optional.of(e);
            throw e;
        }
    }

    /** Whether the run can have a node: a URL is set or failsafe provided the artifacts. */
    public static boolean configured() {
        return setting(URL_PROPERTY, "RULEC_ES_URL").isPresent() || EsSettings.fromSystem().isPresent();
    }

    /** Stops the node this class started (an external node is left alone). */
    public static synchronized void stop() {
        if (started.isPresent()) {
            started.get().close();
            System.clearProperty(URL_PROPERTY);
            started = Optional.empty();
            node = Optional.empty();
        }
    }

    private static void installShutdownHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedElasticsearch::stop, "rulec-es-stop"));
            hookInstalled = true;
        }
    }

    private static Optional<String> setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
