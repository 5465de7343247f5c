package dev.rulec.kibana;

import dev.rulec.kibana.standin.StandInKibana;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS is verified by default; a private CA is trusted only when passed with --ca-cert. */
class KibanaTlsTest {
    private static final char[] PASS = "changeit".toCharArray();

    @Test
    void verifiesTheCertificateAndTrustsAPrivateCaOnlyWhenGiven(@TempDir Path tmp) throws Exception {
        Path schema = SharedFiles.require("kibana/detections-api.schema.yaml");
        Path ks = tmp.resolve("kibana.p12");
        Path pem = tmp.resolve("ca.pem");
        keytool(List.of("-genkeypair", "-alias", "kibana", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", ks.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"));
        keytool(List.of("-exportcert", "-rfc", "-alias", "kibana", "-keystore", ks.toString(), "-storepass", "changeit",
                "-file", pem.toString()));
        try (StandInKibana kibana = StandInKibana.startHttps(schema, serverContext(ks))) {
            KibanaConfig plain = KibanaConfig.of(kibana.url(), new KibanaAuth.None())
                    .withRetry(new RetryPolicy(1, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1), () -> 0));
            KibanaException e = assertThrows(KibanaException.class, () -> KibanaClient.connect(plain).version());
            assertEquals(KibanaException.Kind.TRANSPORT, e.kind());
            assertTrue(e.getMessage().startsWith("GET /api/status: TLS failed (") && e.getMessage()
                    .endsWith("if Kibana uses a private CA, pass it with --ca-cert"), e.getMessage());

            assertEquals(KibanaVersion.parse("9.1.0"), KibanaClient.connect(plain.withCaCert(pem)).version());
        }
    }

    @Test
    void aCaFileThatIsNotPemIsAConfigError(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("ca.pem"), "not a certificate");
        KibanaConfig c = KibanaConfig.of(java.net.URI.create("https://127.0.0.1:1"), new KibanaAuth.None()).withCaCert(bad);
        KibanaException e = assertThrows(KibanaException.class, () -> KibanaClient.connect(c));
        assertEquals(KibanaException.Kind.CONFIG, e.kind());
    }

    private static SSLContext serverContext(Path ks) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASS);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASS);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void keytool(List<String> args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }
}
