package dev.rulec.kibana;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KibanaConfigTest {
    private static KibanaConfig config(String url) {
        return KibanaConfig.of(URI.create(url), new KibanaAuth.None());
    }

    @Test
    void refusesPlainHttpToANonLoopbackHostUnlessInsecure() {
        KibanaException e = assertThrows(KibanaException.class, () -> config("http://kibana.example.com:5601").validate());
        assertEquals(KibanaException.Kind.CONFIG, e.kind());
        assertEquals("refusing plain http to kibana.example.com: credentials and rules would travel unencrypted; use "
                + "https, or --insecure to allow it", e.getMessage());
        config("http://kibana.example.com:5601").withInsecureHttp(true).validate();
        config("https://kibana.example.com").validate();
    }

    @Test
    void allowsPlainHttpOnLoopbackOnly() {
        config("http://127.0.0.1:5601").validate();
        config("http://localhost:5601").validate();
        config("http://[::1]:5601").validate();
        assertThrows(KibanaException.class, () -> config("http://127.0.0.1.example.com").validate());
        assertThrows(KibanaException.class, () -> config("http://10.0.0.1:5601").validate());
    }

    @Test
    void refusesCredentialsInTheUrlWithoutEchoingThem() {
        KibanaException e = assertThrows(KibanaException.class, () -> config("https://elastic:hunter2@kb.example.com").validate());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void refusesAnInvalidSpaceId() {
        KibanaException e = assertThrows(KibanaException.class,
                () -> config("https://kb.example.com").withSpace("My Space").validate());
        assertTrue(e.getMessage().startsWith("invalid space id [My Space]"), e.getMessage());
    }

    @Test
    void readsAnApiKeyFromTheEnvironmentOrAFile(@TempDir Path tmp) throws IOException {
        assertInstanceOf(KibanaAuth.ApiKey.class, KibanaAuth.fromEnvironment(Map.of("RULEC_KIBANA_API_KEY", "k3y")));
        Path f = Files.writeString(tmp.resolve("key"), "from-file\n");
        KibanaAuth a = KibanaAuth.fromEnvironment(Map.of("RULEC_KIBANA_API_KEY_FILE", f.toString()));
        assertEquals(Optional.of("ApiKey from-file"), a.header());
        assertEquals("ApiKey[***]", a.toString());
    }

    @Test
    void readsBasicAuthAndNeverPrintsThePassword(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("pw"), "s3cret");
        KibanaAuth a = KibanaAuth.fromEnvironment(Map.of("RULEC_KIBANA_USERNAME", "deployer",
                "RULEC_KIBANA_PASSWORD_FILE", f.toString()));
        assertEquals(Optional.of("Basic ZGVwbG95ZXI6czNjcmV0"), a.header());
        assertEquals("Basic[deployer, ***]", a.toString());
        assertInstanceOf(KibanaAuth.None.class, KibanaAuth.fromEnvironment(Map.of()));
    }

    @Test
    void halfConfiguredBasicAuthIsAnErrorNamingTheMissingVariable() {
        KibanaException e = assertThrows(KibanaException.class,
                () -> KibanaAuth.fromEnvironment(Map.of("RULEC_KIBANA_PASSWORD", "pw-only")));
        assertEquals("basic auth needs both RULEC_KIBANA_USERNAME and RULEC_KIBANA_PASSWORD (or "
                + "RULEC_KIBANA_PASSWORD_FILE); only one is set", e.getMessage());
    }

    @Test
    void anUnreadableSecretFileIsAnErrorWithoutItsContent(@TempDir Path tmp) {
        KibanaException e = assertThrows(KibanaException.class, () -> KibanaAuth.fromEnvironment(
                Map.of("RULEC_KIBANA_API_KEY_FILE", tmp.resolve("missing").toString())));
        assertEquals("cannot read the file named by RULEC_KIBANA_API_KEY_FILE: NoSuchFileException", e.getMessage());
    }

    @Test
    void decodesACloudIdToKibanasUrl() {
        // base64("eu-west-1.aws.found.io:443$es123$kb456")
        String id = "my-deployment:" + java.util.Base64.getEncoder().encodeToString(
                "eu-west-1.aws.found.io:443$es123$kb456".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(URI.create("https://kb456.eu-west-1.aws.found.io"), CloudId.kibanaUrl(id));
        String port = "x:" + java.util.Base64.getEncoder().encodeToString(
                "cloud.example.com:9243$a$b".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(URI.create("https://b.cloud.example.com:9243"), CloudId.kibanaUrl(port));
        assertThrows(KibanaException.class, () -> CloudId.kibanaUrl("name:not-base64!"));
    }

    @Test
    void retryDelaysGrowExponentiallyUnderACapAndNeverUndercutRetryAfter() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(4), () -> 1.0);
        assertEquals(Duration.ofMillis(500), p.delay(1, Optional.empty()));
        assertEquals(Duration.ofMillis(2000), p.delay(3, Optional.empty()));
        assertEquals(Duration.ofSeconds(4), p.delay(6, Optional.empty()));
        assertEquals(Duration.ofSeconds(10), p.delay(1, Optional.of(Duration.ofSeconds(10))));
        RetryPolicy none = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(4), () -> 0.0);
        assertEquals(Duration.ZERO, none.delay(3, Optional.empty()));
    }

    @Test
    void parsesRetryAfterInSecondsAndAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), KibanaTransport.parseRetryAfter("7"));
        assertEquals(Optional.of(Duration.ZERO), KibanaTransport.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Optional.empty(), KibanaTransport.parseRetryAfter("soon"));
    }
}
