package dev.rulec.testsupport;

import dev.rulec.testsupport.es.SharedElasticsearch;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * jqwik hook: skips a property or container, saying why, when the run has no Elasticsearch node (the JUnit tests use
 * {@code @RequiresElasticsearch}; jqwik has its own lifecycle).
 */
public final class RequiresEsNode implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return SharedElasticsearch.get().isPresent()
                ? SkipResult.doNotSkip()
                : SkipResult.skip("no Elasticsearch node (set -Drulec.es.url or RULEC_ES_URL)");
    }
}
