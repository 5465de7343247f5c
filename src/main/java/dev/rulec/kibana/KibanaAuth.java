package dev.rulec.kibana;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How rulec authenticates to Kibana. Secrets come only from environment variables or files named by them, never from
 * command-line arguments, and no {@code toString} ever shows them.
 *
 * <table>
 * <caption>environment</caption>
 * <tr><td>{@code RULEC_KIBANA_API_KEY} / {@code RULEC_KIBANA_API_KEY_FILE}</td><td>API key, the base64 "encoded" form</td></tr>
 * <tr><td>{@code RULEC_KIBANA_USERNAME} with {@code RULEC_KIBANA_PASSWORD} / {@code RULEC_KIBANA_PASSWORD_FILE}</td><td>basic auth</td></tr>
 * </table>
 */
public sealed interface KibanaAuth {
    String API_KEY = "RULEC_KIBANA_API_KEY";
    String USERNAME = "RULEC_KIBANA_USERNAME";
    String PASSWORD = "RULEC_KIBANA_PASSWORD";
    String FILE_SUFFIX = "_FILE";

    /** The {@code Authorization} header value, if any. */
    Optional<String> header();

    /** The secret itself, so callers (tests, output scrubbing) can make sure it is never printed. */
    Optional<String> secret();

    /** Belt and braces: a server that echoes a header back must not make rulec print the secret. */
    default String scrub(String text) {
        String out = text;
        for (Optional<String> s : List.of(secret(), header())) {
            if (s.isPresent() && !s.get().isEmpty()) {
                out = out.replace(s.get(), "***");
            }
        }
        return out;
    }

    /** An API key (Kibana's "encoded" value: base64 of {@code id:key}). */
    record ApiKey(String encoded) implements KibanaAuth {
        public ApiKey {
            Objects.requireNonNull(encoded, "encoded is null");
        }

        @Override
        public Optional<String> header() {
            return Optional.of("ApiKey " + encoded);
        }

        @Override
        public Optional<String> secret() {
            return Optional.of(encoded);
        }

        @Override
        public String toString() {
            return "ApiKey[***]";
        }
    }

    /** A user name and password. */
    record Basic(String username, String password) implements KibanaAuth {
        public Basic {
            Objects.requireNonNull(username, "username is null");
            Objects.requireNonNull(password, "password is null");
        }

        @Override
        public Optional<String> header() {
            return Optional.of("Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public Optional<String> secret() {
            return Optional.of(password);
        }

        @Override
        public String toString() {
            return "Basic[" + username + ", ***]";
        }
    }

    /** No credentials (a Kibana without security, or a local test). */
    record None() implements KibanaAuth {
        @Override
        public Optional<String> header() {
            return Optional.empty();
        }

        @Override
        public Optional<String> secret() {
            return Optional.empty();
        }
    }

    /**
     * The environment variables one service's credentials are read from; {@code defaultUsername} is used when only a
     * password is set (Elasticsearch's {@code elastic}, as {@code rulec test --es} reads it).
     */
    record Variables(String apiKey, String username, String password, Optional<String> defaultUsername) {
        public Variables {
            Objects.requireNonNull(apiKey, "apiKey is null");
            Objects.requireNonNull(username, "username is null");
            Objects.requireNonNull(password, "password is null");
            Objects.requireNonNull(defaultUsername, "defaultUsername is null");
        }

        /** How to say which variables to set, for messages. */
        public String advice() {
            return apiKey + ", or " + username + " and " + password;
        }
    }

    Variables KIBANA = new Variables(API_KEY, USERNAME, PASSWORD, Optional.empty());

    /**
     * Reads credentials from the environment: an API key wins over basic auth; none gives {@link None}.
     *
     * @throws KibanaException (kind CONFIG) for a half-configured or unreadable setting, naming the variable only
     */
    static KibanaAuth fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, KIBANA);
    }

    /** The same, for a service whose variables are {@code vars} (e.g. Elasticsearch's {@code RULEC_ES_…}). */
    static KibanaAuth fromEnvironment(Map<String, String> env, Variables vars) {
        Optional<String> key = secretFrom(env, vars.apiKey());
        if (key.isPresent()) {
            return new ApiKey(key.get());
        }
        Optional<String> user = Optional.ofNullable(env.get(vars.username())).map(String::trim).filter(s -> !s.isEmpty());
        Optional<String> password = secretFrom(env, vars.password());
        if (password.isPresent() && user.or(vars::defaultUsername).isPresent()) {
            return new Basic(user.or(vars::defaultUsername).get(), password.get());
        }
        if (user.isPresent() || password.isPresent()) {
            throw new KibanaException(KibanaException.Kind.CONFIG, "basic auth needs both " + vars.username() + " and "
                    + vars.password() + " (or " + vars.password() + FILE_SUFFIX + "); only one is set");
        }
        return new None();
    }

    private static Optional<String> secretFrom(Map<String, String> env, String name) {
        String direct = env.get(name);
        if (direct != null && !direct.isBlank()) {
            return Optional.of(direct.trim());
        }
        String file = env.get(name + FILE_SUFFIX);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try {
            String s = Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8).trim();
            if (s.isEmpty()) {
                throw new KibanaException(KibanaException.Kind.CONFIG, "the file named by " + name + FILE_SUFFIX + " is empty");
            }
            return Optional.of(s);
        } catch (IOException e) {
            throw new KibanaException(KibanaException.Kind.CONFIG, "cannot read the file named by " + name + FILE_SUFFIX
                    + ": " + e.getClass().getSimpleName());
        }
    }
}
