package dev.rulec.testsupport.es;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to start a test node. {@link #fromSystem()} reads the system properties that failsafe sets (see pom.xml):
 * {@code rulec.es.artifacts} (jars copied by maven-dependency-plugin), {@code rulec.es.work} (assembled distribution and
 * node folders, under target/), {@code rulec.es.version}; optional {@code rulec.es.heap} and {@code rulec.es.timeout}
 * (seconds).
 *
 * @param password empty: security off; present: security on with user {@code elastic} and this bootstrap password
 */
public record EsSettings(Path artifacts, Path work, String version, String heap, Duration timeout, Optional<String> password,
                         List<FileUser> fileUsers) {
    public EsSettings {
        if (artifacts == null || work == null || version == null || heap == null || timeout == null || password == null
                || fileUsers == null) {
            throw new NullPointerException("EsSettings component is null");
        }
        fileUsers = List.copyOf(fileUsers);
    }

    public EsSettings(Path artifacts, Path work, String version, String heap, Duration timeout, Optional<String> password) {
        this(artifacts, work, version, heap, timeout, password, List.of());
    }

    /**
     * A user of the file realm, added before the node starts (the test node lacks the analysis module the native
     * realm's index needs, so users and API keys cannot be created through the security API).
     *
     * @param roleYaml the body of the user's role in {@code roles.yml}, e.g. {@code indices: [{names: [x], privileges: [read]}]}
     */
    public record FileUser(String name, String password, String roleYaml) {
        @Override
        public String toString() {
            return "FileUser[" + name + ", ***]";
        }
    }

    /** The settings failsafe passes, or empty when the artifacts are not configured (not run by {@code mvn verify}). */
    public static Optional<EsSettings> fromSystem() {
        String artifacts = System.getProperty("rulec.es.artifacts", "");
        if (artifacts.isBlank()) {
            return Optional.empty();
        }
        Path artifactsDir = Path.of(artifacts).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("rulec.es.work", artifactsDir.resolveSibling("es").toString()));
        return Optional.of(new EsSettings(artifactsDir, work.toAbsolutePath().normalize(),
                System.getProperty("rulec.es.version", "8.19.21"),
                System.getProperty("rulec.es.heap", "-Xms512m -Xmx1g"),
                Duration.ofSeconds(Long.getLong("rulec.es.timeout", 300L)),
                Optional.empty()));
    }

    /** The same settings with security on: user {@code elastic}, this password. */
    public EsSettings withPassword(String newPassword) {
        return new EsSettings(artifacts, work, version, heap, timeout, Optional.of(newPassword), fileUsers);
    }

    /** The same settings with one more file-realm user (security must be on: {@link #withPassword}). */
    public EsSettings withFileUser(FileUser user) {
        List<FileUser> all = new java.util.ArrayList<>(fileUsers);
        all.add(user);
        return new EsSettings(artifacts, work, version, heap, timeout, password, all);
    }
}
