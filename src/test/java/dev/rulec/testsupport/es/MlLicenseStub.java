package dev.rulec.testsupport.es;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ES|QL's CATEGORIZE and CHANGE_POINT check a licence feature declared in x-pack-ml, which is not published for 8.x.
 * This one class declares it (platinum, as the real class does), so on the basic licence those functions answer 400
 * instead of a NoClassDefFoundError that makes the node exit. Compiled here with javax.tools against the distribution.
 */
final class MlLicenseStub {
    static final String CLASS_NAME = "org.elasticsearch.xpack.ml.MachineLearning";
    private static final String SOURCE = """
            package org.elasticsearch.xpack.ml;

            import org.elasticsearch.license.License;
            import org.elasticsearch.license.LicensedFeature;

            public final class MachineLearning {
                public static final LicensedFeature.Momentary CATEGORIZE_TEXT_AGG_FEATURE =
                    LicensedFeature.momentary("machine-learning", "categorize-text-agg", License.OperationMode.PLATINUM);
                public static final LicensedFeature.Momentary CHANGE_POINT_AGG_FEATURE =
                    LicensedFeature.momentary("machine-learning", "change-point-agg", License.OperationMode.PLATINUM);

                private MachineLearning() {}
            }
            """;

    private MlLicenseStub() {
    }

    private static Stream<Path> jars(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".jar")).sorted().toList().stream();
        } catch (IOException e) {
            throw new EsStartException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Compiles the stub against {@code home}'s lib and x-pack-core jars and writes it as {@code jar}. */
    static void build(Path home, Path jar) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new EsStartException("no Java compiler in " + System.getProperty("java.home")
                    + " (a JDK, not a JRE, must run the tests): the ML licence stub cannot be built");
        }
        Path tmp = Files.createTempDirectory("ml-license-stub");
        try {
            Path src = tmp.resolve("src/org/elasticsearch/xpack/ml/MachineLearning.java");
            Files.createDirectories(src.getParent());
            Files.writeString(src, SOURCE);
            Path classes = Files.createDirectories(tmp.resolve("classes"));
            // The in-process compiler does not expand `dir/*` class-path wildcards (only the launchers do): list jars.
            String cp = Stream.of(home.resolve("lib"), home.resolve("modules/x-pack-core"))
                    .flatMap(MlLicenseStub::jars).map(Path::toString)
                    .collect(Collectors.joining(java.io.File.pathSeparator));
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            int rc = javac.run(null, messages, messages, "--release", "17", "-nowarn", "-proc:none", "-cp", cp,
                    "-d", classes.toString(), src.toString());
            if (rc != 0) {
                throw new EsStartException("compiling the ML licence stub failed:\n" + messages.toString(StandardCharsets.UTF_8));
            }
            Path classFile = classes.resolve(CLASS_NAME.replace('.', '/') + ".class");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jout = new JarOutputStream(out, manifest)) {
                jout.putNextEntry(new JarEntry(CLASS_NAME.replace('.', '/') + ".class"));
                jout.write(Files.readAllBytes(classFile));
                jout.closeEntry();
            }
        } finally {
            Dirs.deleteRecursively(tmp);
        }
    }
}
