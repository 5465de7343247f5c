package dev.rulec.testsupport.es;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalElasticsearchTest {
    @Test
    void missingArtifactsSayHowToGetThem(@TempDir Path tmp) {
        EsSettings settings = new EsSettings(tmp.resolve("es-artifacts"), tmp.resolve("es"), "8.19.21", "-Xmx1g",
                Duration.ofSeconds(5), Optional.empty());
        EsStartException e = assertThrows(EsStartException.class, () -> LocalElasticsearch.start(settings));
        assertTrue(e.getMessage().contains("elasticsearch-8.19.21.zip") && e.getMessage().contains("mvn verify"),
                e.getMessage());
    }

    @Test
    void credentialsNeverPrintTheirPassword() {
        assertTrue(!new EsNode.Credentials("elastic", "s3cret-pw").toString().contains("s3cret-pw"));
    }
}
