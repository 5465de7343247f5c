package dev.rulec.cli;

import dev.rulec.kibana.CloudId;
import dev.rulec.kibana.KibanaAuth;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaConfig;
import dev.rulec.kibana.KibanaException;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Kibana is and how to reach it. Secrets never come from arguments: {@code RULEC_KIBANA_API_KEY}
 * (or {@code RULEC_KIBANA_API_KEY_FILE}), or {@code RULEC_KIBANA_USERNAME} with {@code RULEC_KIBANA_PASSWORD[_FILE]}.
 */
final class KibanaOptions {

    @Option(names = "--kibana", paramLabel = "URL", description = "Kibana's base URL, e.g. https://kibana.example:5601.")
    Optional<String> url = Optional.empty();

    @Option(names = "--cloud-id", paramLabel = "ID", description = "An Elastic Cloud ID instead of --kibana.")
    Optional<String> cloudId = Optional.empty();

    @Option(names = "--space", paramLabel = "ID", description = "Kibana space (default: the default space).")
    Optional<String> space = Optional.empty();

    @Option(names = "--ca-cert", paramLabel = "PEM", description = "Trust this CA certificate (private CAs).")
    Optional<Path> caCert = Optional.empty();

    @Option(names = "--insecure", description = "Allow plain HTTP to a host that is not on this machine.")
    boolean insecure;

    private final Map<String, String> env;

    KibanaOptions() {
        this(System.getenv());
    }

    /** @param env where credentials are read from (the process environment; a map in tests) */
    KibanaOptions(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    KibanaClient connect() {
        if (url.isPresent() == cloudId.isPresent()) {
            throw new UsageException("give exactly one of --kibana URL and --cloud-id ID");
        }
        URI uri = url.map(URI::create).orElseGet(() -> CloudId.kibanaUrl(cloudId.get()));
        KibanaConfig config = KibanaConfig.of(uri, KibanaAuth.fromEnvironment(env))
                .withInsecureHttp(insecure);
        if (space.isPresent()) {
            config = config.withSpace(space.get());
        }
        if (caCert.isPresent()) {
            config = config.withCaCert(caCert.get());
        }
        config.validate();
        return KibanaClient.connect(config);
    }

    /** Exit code for a failure talking to Kibana: settings are a usage error, the rest the environment's. */
    static int exitCode(KibanaException e) {
        return (e.kind() == KibanaException.Kind.CONFIG ? ExitCode.USAGE : ExitCode.ENVIRONMENT).code();
    }
}
