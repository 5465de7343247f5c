package dev.rulec.testsupport;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** jqwik hook: skips a property or container, saying why, when no Elasticsearch node is configured. */
public final class RequiresEsNode implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return EsNode.configuredUrl().isPresent()
                ? SkipResult.doNotSkip()
                : SkipResult.skip("no Elasticsearch node (set -Drulec.es.url or RULEC_ES_URL)");
    }
}
