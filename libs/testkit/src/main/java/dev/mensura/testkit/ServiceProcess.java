package dev.mensura.testkit;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Another Mensura service, run from its Quarkus fast-jar ({@code target/quarkus-app/quarkus-run.jar})
 * in a child JVM, for integration tests that need a real neighbour service.
 *
 * <p>The child gets the environment of this JVM plus {@code env}, {@code QUARKUS_HTTP_PORT} set to
 * a free port, {@code -Xmx256m}, and its own temporary directory (removed at exit) holding its log
 * ({@link #logFile()}: stdout and stderr, never this JVM's console) and its {@code java.io.tmpdir}.
 * {@link #start} returns once {@code GET /q/health/ready} answers 200 (at most
 * {@link #START_TIMEOUT}; otherwise it throws with the tail of the log). A shutdown hook stops the
 * child, and the child exits by itself when this JVM disappears without running its hooks
 * (SIGKILL): it runs under {@link ChildLauncher}.
 *
 * <p>{@link #shared} keeps one process per name per JVM, across the class loaders of a Quarkus
 * test (published as system properties, like the other servers of this module).
 */
public final class ServiceProcess {

    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    public static final String READY_PATH = "/q/health/ready";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final int PORT_ATTEMPTS = 3;
    /** This class loader's handles of the shared processes; the truth is in the system properties. */
    private static final Map<String, ServiceProcess> SHARED = new HashMap<>();

    private final String name;
    private final int port;
    private final Path directory;
    private final Path logFile;
    private final ProcessHandle handle;
    private final Process process; // null when attached from another class loader
    /** The CA the child's certificate chains to, when it serves HTTPS (MENSURA_TLS_CA); null for plain HTTP. */
    private final Path tlsCa;
    private volatile boolean stopped;

    private ServiceProcess(String name, int port, Path directory, ProcessHandle handle, Process process, Path tlsCa) {
        this.name = name;
        this.port = port;
        this.tlsCa = tlsCa;
        this.directory = directory;
        this.logFile = directory.resolve(name + ".log");
        this.handle = handle;
        this.process = process;
    }

    /**
     * Starts {@code quarkusRunJar} in a new child JVM (not shared: each call starts one) and waits
     * until it is ready.
     *
     * @param name          short name, {@code [a-z][a-z0-9-]*}, e.g. {@code privacy-service}
     * @param quarkusRunJar the service's {@code target/quarkus-app/quarkus-run.jar}
     * @param env           variables added to (or, with a null value, removed from) this JVM's environment
     * @throws IllegalStateException when the jar is missing, or the service exits or is not ready in time
     */
    public static ServiceProcess start(String name, Path quarkusRunJar, Map<String, String> env) {
        return start(name, quarkusRunJar, env, List.of());
    }

    /**
     * As {@link #start(String, Path, Map)}, with JVM options after the defaults (so they win):
     * benchmarks pass {@code -XX:TieredStopAtLevel=4} for the full JIT the tests do without.
     */
    public static ServiceProcess start(String name, Path quarkusRunJar, Map<String, String> env,
                                       List<String> jvmOptions) {
        requireName(name);
        Objects.requireNonNull(quarkusRunJar, "quarkusRunJar");
        Path jar = quarkusRunJar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " does not exist (build the service first)");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("mensura-" + name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return startIn(name, jar, env == null ? Map.of() : env, dir, jvmOptions);
        } catch (IOException e) {
            JvmGlobal.deleteTree(dir);
            throw new UncheckedIOException(name + " did not start", e);
        } catch (RuntimeException e) {
            JvmGlobal.deleteTree(dir);
            throw e;
        }
    }

    /**
     * The process named {@code name} of this JVM: the running one if {@link #shared} started it
     * already (in any class loader; {@code jar} and {@code env} are then ignored), otherwise a new
     * one as {@link #start} does. A start that failed is not retried in the same JVM.
     */
    public static ServiceProcess shared(String name, Path jar, Map<String, String> env) {
        requireName(name);
        String prefix = JvmGlobal.SERVICE_PREFIX + name + ".";
        synchronized (JvmGlobal.LOCK) {
            ServiceProcess mine = SHARED.get(name);
            if (mine != null && mine.alive()) {
                return mine;
            }
            String failed = System.getProperty(prefix + "failed");
            if (failed != null) { // fail fast instead of waiting a minute again in every test class
                throw new IllegalStateException(name + " failed to start earlier in this JVM: " + failed);
            }
            String pid = System.getProperty(prefix + "pid");
            if (pid != null) { // started by another class loader of this JVM
                ProcessHandle h = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
                if (h != null && h.isAlive()) {
                    String ca = System.getProperty(prefix + "tls-ca");
                    ServiceProcess attached = new ServiceProcess(name,
                            Integer.parseInt(System.getProperty(prefix + "port")),
                            Path.of(System.getProperty(prefix + "dir")), h, null, ca == null ? null : Path.of(ca));
                    SHARED.put(name, attached);
                    return attached;
                }
            }
            ServiceProcess started;
            try {
                started = start(name, jar, env);
            } catch (RuntimeException e) {
                System.setProperty(prefix + "failed", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                throw e;
            }
            System.setProperty(prefix + "port", String.valueOf(started.port));
            System.setProperty(prefix + "dir", started.directory.toString());
            System.setProperty(prefix + "pid", String.valueOf(started.handle.pid()));
            if (started.tlsCa != null) {
                System.setProperty(prefix + "tls-ca", started.tlsCa.toString());
            }
            SHARED.put(name, started);
            return started;
        }
    }

    private static ServiceProcess startIn(String name, Path jar, Map<String, String> env, Path dir,
                                          List<String> jvmOptions)
            throws IOException {
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(tmp);
        List<String> command = javaCommand(jar, ChildLauncher.install(dir), tmp, jvmOptions);
        for (int attempt = 1; ; attempt++) {
            int port = JvmGlobal.freePort();
            ServiceProcess sp = launch(name, port, dir, command, env);
            try {
                sp.awaitReady();
                return sp;
            } catch (RuntimeException e) {
                sp.stop();
                // the port was free a moment ago; someone else may have taken it since
                if (attempt < PORT_ATTEMPTS && sp.portConflict()) {
                    Files.writeString(sp.logFile, "\n--- port " + port + " was taken; retrying ---\n",
                            StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
                    continue;
                }
                throw e;
            }
        }
    }

    private static ServiceProcess launch(String name, int port, Path dir, List<String> command,
            Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(dir.resolve(name + ".log").toFile()))
                .redirectInput(Redirect.from(nullFile()));
        Map<String, String> e = pb.environment();
        env.forEach((k, v) -> {
            if (v == null) {
                e.remove(k);
            } else {
                e.put(k, v);
            }
        });
        e.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        String ca = e.get("MENSURA_TLS_CA");
        Process p = pb.start();
        ServiceProcess sp = new ServiceProcess(name, port, dir, p.toHandle(), p, ca == null ? null : Path.of(ca));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sp.stop();
            JvmGlobal.deleteTree(dir);
        }, "mensura-" + name + "-stop"));
        return sp;
    }

    /**
     * {@code java ... -cp <launcher>:<jar> ChildLauncher <pid> <Main-Class>}: the jar on the class
     * path (its manifest Class-Path still applies) rather than {@code -jar}, so that the launcher's
     * parent watchdog runs first; the manifest's Add-Opens/Add-Exports, which only {@code -jar}
     * honours, become options.
     */
    private static List<String> javaCommand(Path jar, Path launcherRoot, Path tmp, List<String> jvmOptions)
            throws IOException {
        Attributes manifest;
        try (JarFile jf = new JarFile(jar.toFile())) {
            if (jf.getManifest() == null) {
                throw new IllegalStateException(jar + " has no manifest");
            }
            manifest = jf.getManifest().getMainAttributes();
        }
        String mainClass = manifest.getValue(Attributes.Name.MAIN_CLASS);
        if (mainClass == null || mainClass.isBlank()) {
            throw new IllegalStateException(jar + " has no Main-Class");
        }
        List<String> cmd = new ArrayList<>(List.of(ChildLauncher.javaExecutable(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + tmp));
        cmd.addAll(jvmOptions);
        for (String[] attr : new String[][] {{"Add-Opens", "--add-opens"}, {"Add-Exports", "--add-exports"}}) {
            String v = manifest.getValue(attr[0]);
            if (v != null) {
                for (String pkg : v.trim().split("\\s+")) {
                    if (!pkg.isEmpty()) {
                        cmd.add(attr[1] + "=" + pkg + "=ALL-UNNAMED");
                    }
                }
            }
        }
        String nativeAccess = manifest.getValue("Enable-Native-Access");
        if (nativeAccess != null && Runtime.version().feature() >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        cmd.addAll(List.of("-cp", launcherRoot + File.pathSeparator + jar,
                ChildLauncher.class.getName(), String.valueOf(ProcessHandle.current().pid()), mainClass));
        return cmd;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
        if (tlsCa != null) {
            builder.sslContext(DevCertificates.trusting(tlsCa));
        }
        HttpClient http = builder.build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + READY_PATH))
                .timeout(Duration.ofSeconds(2)).GET().build();
        String last = "no answer";
        while (true) {
            if (!handle.isAlive()) {
                throw new IllegalStateException(name + " exited" + exitCode() + " before it was ready\n" + logTail());
            }
            if (JvmGlobal.listening(port)) {
                try {
                    HttpResponse<String> r = http.sendAsync(ready, HttpResponse.BodyHandlers.ofString())
                            .get(3, TimeUnit.SECONDS);
                    if (r.statusCode() == 200) {
                        return;
                    }
                    last = "HTTP " + r.statusCode() + " " + r.body();
                } catch (ExecutionException | TimeoutException e) {
                    last = String.valueOf(e.getCause() != null ? e.getCause() : e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + name, e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready on " + url() + READY_PATH + " within "
                        + START_TIMEOUT.toSeconds() + " s (last: " + last + ")\n" + logTail());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    private String exitCode() {
        return process != null && !process.isAlive() ? " with " + process.exitValue() : "";
    }

    private boolean portConflict() {
        String log = logTail();
        return log.contains("Port(s) already bound") || log.contains("Address already in use")
                || log.contains("already in use");
    }

    private boolean alive() {
        return !stopped && handle.isAlive();
    }

    public String name() {
        return name;
    }

    /** {@code https://localhost:<port>} (or {@code http://} without TLS), without a trailing slash. */
    public String url() {
        return (tlsCa != null ? "https" : "http") + "://localhost:" + port;
    }

    /** Whether the child serves HTTPS (it was given MENSURA_TLS_CA and its certificate). */
    public boolean tls() {
        return tlsCa != null;
    }

    public int port() {
        return port;
    }

    /** The child's stdout and stderr. Removed with its temporary directory at exit. */
    public Path logFile() {
        return logFile;
    }

    /** The child's temporary directory: its log and {@code tmp/} ({@code java.io.tmpdir}). */
    public Path directory() {
        return directory;
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return alive();
    }

    /** The last 8 KiB of {@link #logFile()}, headed by its path, for failure messages. */
    public String logTail() {
        if (!Files.exists(logFile)) {
            return "(no log " + logFile + ")";
        }
        try (RandomAccessFile f = new RandomAccessFile(logFile.toFile(), "r")) {
            long len = f.length();
            long from = Math.max(0, len - 8192);
            byte[] b = new byte[(int) (len - from)];
            f.seek(from);
            f.readFully(b);
            return "--- tail of " + logFile + " ---\n" + new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log " + logFile + " unreadable: " + e + ")";
        }
    }

    /**
     * Stops the child: SIGTERM (Quarkus shuts down gracefully), then SIGKILL after
     * {@link #STOP_TIMEOUT}. A stopped shared process is started anew by the next {@link #shared}.
     */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        forget();
        handle.destroy();
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException ignored) {
                // gave it SIGKILL; nothing more to do
            }
        } catch (InterruptedException e) {
            handle.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code kill -9}: the child dies at once, without its shutdown hooks, as in a crash (for fault
     * tests). Its directory and log stay until this JVM exits.
     */
    public void kill() {
        stopped = true;
        forget();
        handle.destroyForcibly();
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(name + " survived SIGKILL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A stopped or killed shared process is no longer handed out. */
    private void forget() {
        synchronized (JvmGlobal.LOCK) {
            String prefix = JvmGlobal.SERVICE_PREFIX + name + ".";
            if (String.valueOf(handle.pid()).equals(System.getProperty(prefix + "pid"))) {
                System.clearProperty(prefix + "pid");
                System.clearProperty(prefix + "port");
                System.clearProperty(prefix + "dir");
            }
            if (SHARED.get(name) == this) {
                SHARED.remove(name);
            }
        }
    }

    @Override
    public String toString() {
        return "ServiceProcess[" + name + ", " + url() + ", pid " + handle.pid() + "]";
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("service name must match " + NAME + ": " + name);
        }
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
