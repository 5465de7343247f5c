package dev.rulec.testsupport.es;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Elasticsearch node started from the assembled distribution: loopback only, free ports, its own config, data and
 * log folders under {@code work/node-<port>}, empty at each start. {@link #close()} stops it (SIGTERM, then SIGKILL
 * after 60 s). As root the node runs as uid 1000 in a user namespace (Elasticsearch refuses to run as root).
 */
public final class LocalElasticsearch implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final EsNode node;
    private final ProcessHandle process;
    private final Path nodeDir;
    private final Duration startTime;

    private LocalElasticsearch(EsNode node, ProcessHandle process, Path nodeDir, Duration startTime) {
        this.node = node;
        this.process = process;
        this.nodeDir = nodeDir;
        this.startTime = startTime;
    }

    /** Assembles the distribution if needed, starts a node and waits until its health is yellow. */
    public static LocalElasticsearch start(EsSettings settings) {
        long t0 = System.nanoTime();
        Path home;
        try {
            home = EsDistribution.ensure(settings);
        } catch (IOException e) {
            throw new EsStartException("cannot assemble Elasticsearch under " + settings.work() + ": " + e, e);
        }
        long t1 = System.nanoTime();
        stopOrphans(settings.work());
        int httpPort = freePort();
        int transportPort = freePort();
        Path nodeDir = settings.work().resolve("node-" + httpPort);
        try {
            prepareNode(settings, home, nodeDir, httpPort, transportPort);
        } catch (IOException e) {
            throw new EsStartException("cannot prepare " + nodeDir + ": " + e, e);
        }
        URI url = URI.create("http://127.0.0.1:" + httpPort);
        ProcessHandle process = launch(settings, home, nodeDir);
        EsNode node = new EsNode(url, settings.password().map(p -> new EsNode.Credentials("elastic", p)));
        try {
            waitForYellow(node, process, nodeDir, settings.timeout());
        } catch (RuntimeException e) {
            stop(process);
            throw e;
        }
        LocalElasticsearch es = new LocalElasticsearch(node, process, nodeDir, Duration.ofNanos(System.nanoTime() - t0));
        System.err.printf("rulec-es: Elasticsearch %s ready at %s in %.1f s (assembly %.1f s), logs in %s%n",
                settings.version(), url, (System.nanoTime() - t0) / 1e9, (t1 - t0) / 1e9, nodeDir.resolve("logs"));
        return es;
    }

    public EsNode node() {
        return node;
    }

    /** Wall time from the call to {@link #start} to a yellow cluster (assembly included). */
    public Duration startTime() {
        return startTime;
    }

    /**
     * Nodes left by a test JVM that died without stopping them (killed build, crashed fork): each node folder names its
     * owner's pid; a node whose owner is gone is stopped and its folder deleted. Nodes of live runs are left alone.
     */
    private static void stopOrphans(Path work) {
        if (!Files.isDirectory(work)) {
            return;
        }
        try (var dirs = Files.newDirectoryStream(work, "node-*")) {
            for (Path dir : dirs) {
                Optional<Long> owner = readPid(dir.resolve("owner.pid"));
                if (owner.isPresent() && ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                Optional<ProcessHandle> node = readPid(dir.resolve("es.pid")).flatMap(ProcessHandle::of)
                        .filter(h -> h.info().commandLine().map(c -> c.contains("-Djava.io.tmpdir=" + dir.resolve("tmp"))).orElse(false));
                if (node.isPresent()) {
                    System.err.println("rulec-es: stopping Elasticsearch left running by an earlier test run (pid "
                            + node.get().pid() + ", " + dir + ")");
                    stop(node.get());
                }
                Dirs.deleteRecursively(dir);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("rulec-es: could not clean up earlier node folders in " + work + ": " + e.getMessage());
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void prepareNode(EsSettings settings, Path home, Path nodeDir, int httpPort, int transportPort)
            throws IOException {
        Dirs.deleteRecursively(nodeDir);
        Path config = nodeDir.resolve("config");
        Dirs.copyRecursively(home.resolve("config"), config);
        for (String d : List.of("data", "logs", "tmp")) {
            Files.createDirectories(nodeDir.resolve(d));
        }
        Files.writeString(nodeDir.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
        boolean security = settings.password().isPresent();
        Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n",
                "cluster.name: rulec-test",
                "node.name: rulec-test",
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "path.data: " + nodeDir.resolve("data"),
                "path.logs: " + nodeDir.resolve("logs"),
                "# a nearly full disk must not turn the test indices read-only",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "# tests may DELETE with wildcards",
                "action.destructive_requires_name: false",
                "xpack.security.enabled: " + security,
                "xpack.security.http.ssl.enabled: false",
                "xpack.security.transport.ssl.enabled: false",
                ""));
        if (security) {
            Path keystore = home.resolve("bin/elasticsearch-keystore");
            run(List.of(keystore.toString(), "create"), home, nodeDir, Optional.empty());
            run(List.of(keystore.toString(), "add", "-x", "bootstrap.password"), home, nodeDir, settings.password());
            StringBuilder roles = new StringBuilder();
            for (EsSettings.FileUser u : settings.fileUsers()) {
                String role = u.name() + "_role";
                roles.append(role).append(":\n  ").append(u.roleYaml().strip().replace("\n", "\n  ")).append('\n');
                run(List.of(home.resolve("bin/elasticsearch-users").toString(), "useradd", u.name(), "-p", u.password(),
                        "-r", role), home, nodeDir, Optional.empty());
            }
            if (!roles.isEmpty()) {
                Files.writeString(config.resolve("roles.yml"), "\n" + roles, java.nio.file.StandardOpenOption.APPEND);
            }
        }
    }

    private static ProcessHandle launch(EsSettings settings, Path home, Path nodeDir) {
        List<String> cmd = new ArrayList<>(asNonRoot());
        Path pidFile = nodeDir.resolve("es.pid");
        cmd.addAll(List.of(home.resolve("bin/elasticsearch").toString(), "-d", "-p", pidFile.toString()));
        ProcessBuilder pb = processBuilder(cmd, home, nodeDir, settings.heap());
        Path console = nodeDir.resolve("logs/console.log");
        pb.redirectErrorStream(true).redirectOutput(console.toFile());
        try {
            Process cli = pb.start();
            // In daemon mode the CLI returns once the node started or failed.
            if (!cli.waitFor(settings.timeout().toSeconds(), TimeUnit.SECONDS)) {
                cli.destroyForcibly();
                throw failure("the Elasticsearch launcher did not return within " + settings.timeout().toSeconds() + " s", nodeDir);
            }
            if (cli.exitValue() != 0 || !Files.isRegularFile(pidFile)) {
                throw failure("Elasticsearch failed to start (launcher exit code " + cli.exitValue() + ")", nodeDir);
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).orElseThrow(() -> failure("Elasticsearch (pid " + pid + ") exited at start", nodeDir));
        } catch (IOException e) {
            throw failure("cannot run " + String.join(" ", cmd) + ": " + e.getMessage(), nodeDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while starting Elasticsearch", nodeDir);
        }
    }

    /** Elasticsearch refuses to run as root: as root, run it as uid 1000 inside a user namespace. */
    private static List<String> asNonRoot() {
        if (new com.sun.security.auth.module.UnixSystem().getUid() != 0) {
            return List.of();
        }
        return List.of("unshare", "--user", "--map-user=1000", "--map-group=1000");
    }

    private static ProcessBuilder processBuilder(List<String> cmd, Path home, Path nodeDir, String heap) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(nodeDir.toFile());
        Map<String, String> env = pb.environment();
        env.putIfAbsent("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", nodeDir.resolve("config").toString());
        env.put("ES_TMPDIR", nodeDir.resolve("tmp").toString());
        env.put("ES_JAVA_OPTS", heap);
        env.remove("JAVA_TOOL_OPTIONS");
        return pb;
    }

    private static void run(List<String> cmd, Path home, Path nodeDir, Optional<String> stdin) throws IOException {
        ProcessBuilder pb = processBuilder(cmd, home, nodeDir, "-Xms64m -Xmx128m");
        Path out = nodeDir.resolve("logs/keystore.log");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin.isPresent()) {
                in.write(stdin.get().getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new EsStartException(cmd.get(0) + " " + cmd.get(1) + " failed:\n" + Dirs.tail(out, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EsStartException("interrupted: " + cmd);
        }
    }

    private static void waitForYellow(EsNode node, ProcessHandle process, Path nodeDir, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest.Builder req = HttpRequest.newBuilder(node.url().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5));
        node.credentials().ifPresent(c -> req.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))));
        while (true) {
            try {
                HttpResponse<Void> r = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for Elasticsearch", nodeDir);
            }
            if (!process.isAlive()) {
                throw failure("Elasticsearch exited before it was ready", nodeDir);
            }
            if (System.nanoTime() > deadline) {
                throw failure("Elasticsearch was not ready (yellow) after " + timeout.toSeconds() + " s", nodeDir);
            }
            sleep(500);
        }
    }

    private static EsStartException failure(String what, Path nodeDir) {
        Path logs = nodeDir.resolve("logs");
        return new EsStartException(what + "; logs in " + logs
                + "\n--- console.log (last 30 lines) ---\n" + Dirs.tail(logs.resolve("console.log"), 30)
                + "\n--- rulec-test.log (last 30 lines) ---\n" + Dirs.tail(logs.resolve("rulec-test.log"), 30));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the node: SIGTERM, up to 60 s to exit, then SIGKILL. Its folder stays for post-mortems until the next start. */
    @Override
    public void close() {
        if (stop(process)) {
            System.err.println("rulec-es: stopped Elasticsearch at " + node.url() + " (pid " + process.pid() + ")");
        }
    }

    private static boolean stop(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        process.destroy();
        try {
            process.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
        }
        return true;
    }

    /** Where this node keeps its config, data and logs. */
    public Path nodeDir() {
        return nodeDir;
    }
}
