package dev.rulec.kibana;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/** An SSL context that trusts the certificates of one PEM file ({@code --ca-cert}); hostnames are still verified. */
public final class TlsContext {
    private TlsContext() {
    }

    public static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new KibanaException(KibanaException.Kind.CONFIG, "no certificate in --ca-cert " + pem);
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new KibanaException(KibanaException.Kind.CONFIG, 0, "cannot read --ca-cert " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KibanaException(KibanaException.Kind.CONFIG, 0, "--ca-cert " + pem
                    + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }
}
