package dev.rulec.testsupport.es;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Assembles Elasticsearch from the artifacts Maven copied ({@code dist/elasticsearch-<v>.zip} and
 * {@code modules/<module>/*.jar}), once: the result is reused until the artifact set changes, and never modified
 * afterwards (each node gets its own config, data and log folders). Facts behind the module table: the project's
 * Elasticsearch notes (ES|QL, its core and the {@code kql} query are not in the integ-test zip).
 */
final class EsDistribution {
    /** The descriptor of each module folder added to the zip's {@code modules/}. */
    private record Module(String classname, String extendedPlugins, String moduleName) {
    }

    // x-pack-esql's published descriptor also extends lang-painless and x-pack-ml, which are not published for 8.x;
    // ES|QL runs without them (the ML licence stub covers the one class it needs).
    private static final Map<String, Module> MODULES = Map.of(
            "x-pack-esql-core", new Module("org.elasticsearch.xpack.esql.core.plugin.EsqlCorePlugin", "x-pack-core", ""),
            "x-pack-esql", new Module("org.elasticsearch.xpack.esql.plugin.EsqlPlugin", "x-pack-esql-core", ""),
            "x-pack-kql", new Module("org.elasticsearch.xpack.kql.KqlPlugin", "x-pack-core", "org.elasticsearch.kql"));

    private EsDistribution() {
    }

    /** The assembled distribution's home for these settings, assembling it first when needed. */
    static Path ensure(EsSettings settings) throws IOException {
        Path zip = settings.artifacts().resolve("dist/elasticsearch-" + settings.version() + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new EsStartException("missing " + zip + ": run the integration tests with `mvn verify` (its "
                    + "pre-integration-test phase copies the Elasticsearch artifacts from Maven Central)");
        }
        String fingerprint = fingerprint(settings.artifacts());
        Path home = settings.work().resolve("dist-" + settings.version());
        Path stamp = home.resolve(".rulec-assembled");
        Files.createDirectories(settings.work());
        try (FileChannel lock = FileChannel.open(settings.work().resolve(".assemble.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lock.lock()) {
            if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(fingerprint)) {
                return home;
            }
            Path tmp = settings.work().resolve("dist-" + settings.version() + ".tmp");
            Dirs.deleteRecursively(tmp);
            unzip(zip, tmp);
            Path built = tmp.resolve("elasticsearch-" + settings.version());
            for (Map.Entry<String, Module> m : new TreeMap<>(MODULES).entrySet()) {
                addModule(settings, built, m.getKey(), m.getValue());
            }
            MlLicenseStub.build(built, built.resolve("modules/x-pack-esql/ml-license-stub.jar"));
            Files.writeString(built.resolve(".rulec-assembled"), fingerprint);
            Dirs.deleteRecursively(home);
            Files.move(built, home, StandardCopyOption.ATOMIC_MOVE);
            Dirs.deleteRecursively(tmp);
            return home;
        }
    }

    private static void addModule(EsSettings settings, Path home, String name, Module module) throws IOException {
        Path from = settings.artifacts().resolve("modules").resolve(name);
        Path to = Files.createDirectories(home.resolve("modules").resolve(name));
        List<Path> jars = jars(from);
        if (jars.isEmpty()) {
            throw new EsStartException("no jars in " + from + ": the pom's es-artifacts execution must copy module " + name);
        }
        for (Path jar : jars) {
            Files.copy(jar, to.resolve(jar.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = new ArrayList<>(List.of("name=" + name, "description=" + name,
                "version=" + settings.version(), "elasticsearch.version=" + settings.version(), "java.version=17",
                "classname=" + module.classname(), "extended.plugins=" + module.extendedPlugins()));
        if (!module.moduleName().isEmpty()) {
            lines.add("modulename=" + module.moduleName());
        }
        Files.write(to.resolve("plugin-descriptor.properties"), lines);
    }

    private static List<Path> jars(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
                ds.forEach(out::add);
            }
        }
        out.sort(null);
        return out;
    }

    /** Names and sizes of every artifact: a changed pom list re-assembles the distribution. */
    private static String fingerprint(Path artifacts) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var walk = Files.walk(artifacts)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                sb.append(artifacts.relativize(p)).append(' ').append(Files.size(p)).append('\n');
            }
        }
        return sb.toString();
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream zin = new ZipInputStream(in)) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new EsStartException("zip entry outside the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(zin, target);
                // java.util.zip does not keep Unix modes: the launch scripts and the JDK-less bin/ tools need +x.
                if (e.getName().contains("/bin/")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }
}
