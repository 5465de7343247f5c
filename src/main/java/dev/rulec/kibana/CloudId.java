package dev.rulec.kibana;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Elastic Cloud ID: {@code name:base64(host[:port]$es-uuid$kibana-uuid)}. Kibana is at
 * {@code https://<kibana-uuid>.<host>[:port]}.
 */
public final class CloudId {
    private CloudId() {
    }

    /** The Kibana URL encoded in a Cloud ID. */
    public static URI kibanaUrl(String cloudId) {
        String s = cloudId.trim();
        int colon = s.indexOf(':');
        String encoded = colon >= 0 ? s.substring(colon + 1) : s;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("its part after ':' is not base64");
        }
        String[] parts = decoded.split("\\$");
        if (parts.length < 3 || parts[0].isBlank() || parts[2].isBlank()) {
            throw invalid("it must decode to host$elasticsearch-id$kibana-id");
        }
        String host = parts[0];
        String port = "";
        int p = host.lastIndexOf(':');
        if (p > 0) {
            port = host.substring(p);
            host = host.substring(0, p);
        }
        String kibana = parts[2];
        int kp = kibana.indexOf(':');
        if (kp > 0) {
            port = kibana.substring(kp);
            kibana = kibana.substring(0, kp);
        }
        return URI.create("https://" + kibana + "." + host + (":443".equals(port) ? "" : port));
    }

    private static KibanaException invalid(String why) {
        return new KibanaException(KibanaException.Kind.CONFIG, "invalid Elastic Cloud ID: " + why
                + " (copy it from the deployment's page in Elastic Cloud)");
    }
}
