package dev.rulec.testsupport.es;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second node with security on (user elastic, bootstrap password): 401 without credentials, 200 with them. */
class SecuredElasticsearchIT {
    @Test
    void startsANodeWithSecurityOnWhenGivenAPassword() {
        Optional<EsSettings> settings = EsSettings.fromSystem();
        Assumptions.assumeTrue(settings.isPresent(), "skipped: run with `mvn verify` (needs the Elasticsearch artifacts)");
        try (LocalElasticsearch es = LocalElasticsearch.start(settings.get().withPassword("rulec-test-pw"))) {
            EsNode authed = es.node();
            EsNode anonymous = new EsNode(authed.url(), Optional.empty());
            EsNode.Response denied = anonymous.request("GET", "/_cluster/health", Optional.empty());
            assertEquals(401, denied.status());
            assertEquals("security_exception", denied.body().path("error").path("type").asText());
            assertEquals("elastic", authed.get("/_security/_authenticate").path("username").asText());
            assertTrue(authed.get("/_cluster/health").path("status").asText().matches("green|yellow"));
        }
    }
}
