package dev.rulec.testsupport.es;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * JUnit 5 extension for tests that need Elasticsearch: resolves {@link EsNode} parameters to the run's one node
 * ({@link SharedElasticsearch}). Skips the test class, saying why, when no node is configured (no {@code rulec.es.url},
 * not run by {@code mvn verify}); fails it, with the node's log tail, when the node cannot start. The node outlives the
 * class: the launcher session stops it ({@link EsLauncherListener}).
 */
public final class ElasticsearchExtension implements BeforeAllCallback, ParameterResolver {
    @Override
    public void beforeAll(ExtensionContext context) {
        node();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EsNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return node();
    }

    private static EsNode node() {
        return SharedElasticsearch.get().orElseThrow(() -> new TestAbortedException(
                "skipped: no Elasticsearch; run with `mvn verify` (starts one) or set -Drulec.es.url / RULEC_ES_URL"));
    }
}
