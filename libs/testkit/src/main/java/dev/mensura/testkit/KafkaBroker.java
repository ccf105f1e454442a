package dev.mensura.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The one Kafka broker of this JVM: a real Kafka 4.1 broker in KRaft mode (one node, broker and
 * controller) running in a child JVM from the jars listed in the {@code kafka-broker.classpath}
 * resource, or a Testcontainers Kafka when a Docker daemon answers.
 *
 * <p>{@link #get()} starts it on first use in a temporary directory that is removed at exit;
 * {@link #startPersistent(Path, int, int)} (dev/run) keeps its logs in a given directory. A
 * shutdown hook stops the child (SIGTERM, then SIGKILL after 20 s); the child also exits on its
 * own if this JVM disappears without running its hooks.
 *
 * <p>The child broker has two client listeners: plain ({@link #bootstrapServers()}, for test
 * harnesses) and TLS 1.3/1.2 ({@link #tlsBootstrapServers()}, with a certificate for 127.0.0.1
 * from its own CA, {@link #tlsCaFile()}), which the end-to-end suite and dev/run give the services.
 */
public final class KafkaBroker {

    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final String DATA_DIR = "data";
    private static final String LOG_FILE = "broker.log";
    private static final String TLS_DIR = "tls";
    private static final String TLS_NAME = "kafka";
    private static final String TLS_PORT_FILE = "tls-port";

    private static KafkaBroker instance;
    private static RuntimeException failure;

    private final String bootstrapServers;
    private final Path directory;
    private final Path logFile;
    private volatile Process process;

    private KafkaBroker(String bootstrapServers, Path directory, Path logFile, Process process) {
        this.bootstrapServers = bootstrapServers;
        this.directory = directory;
        this.logFile = logFile;
        this.process = process;
    }

    /** The broker of this JVM, started on first use (temporary directory, free ports). */
    public static KafkaBroker get() {
        synchronized (JvmGlobal.LOCK) {
            if (instance == null) {
                if (failure != null) { // fail fast instead of waiting a minute again in every test class
                    throw new IllegalStateException("the Kafka broker failed to start earlier in this JVM", failure);
                }
                try {
                    instance = attachOrStart(null, 0, 0, 0);
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
            }
            return instance;
        }
    }

    /**
     * Starts (or attaches to, if this JVM already runs one) a broker whose configuration, logs and
     * data live in {@code dir}, listening on 127.0.0.1:{@code port} with its controller on
     * {@code controllerPort}. The storage is formatted only the first time. For dev/run.
     */
    public static KafkaBroker startPersistent(Path dir, int port, int controllerPort) {
        return startPersistent(dir, port, controllerPort, 0);
    }

    /** As {@link #startPersistent(Path, int, int)}, with the TLS listener on {@code tlsPort} (0: any free one). */
    public static KafkaBroker startPersistent(Path dir, int port, int controllerPort, int tlsPort) {
        Objects.requireNonNull(dir, "dir");
        synchronized (JvmGlobal.LOCK) {
            if (instance == null) {
                instance = attachOrStart(dir, port, controllerPort, tlsPort);
            }
            return instance;
        }
    }

    private static KafkaBroker attachOrStart(Path dir, int port, int controllerPort, int tlsPort) {
        String existing = System.getProperty(JvmGlobal.KAFKA_BOOTSTRAP);
        if (existing != null) { // started by another class loader of this JVM
            String d = System.getProperty(JvmGlobal.KAFKA_DIR);
            Path directory = d == null ? null : Path.of(d);
            return new KafkaBroker(existing, directory, directory == null ? null : directory.resolve(LOG_FILE), null);
        }
        KafkaBroker broker;
        if (dir == null && Docker.available()) {
            broker = new KafkaBroker(Containers.startKafka(), null, null, null);
        } else {
            try {
                broker = startChild(dir, port, controllerPort, tlsPort);
            } catch (IOException e) {
                throw new UncheckedIOException("Kafka broker did not start", e);
            }
        }
        if (broker.directory != null) {
            System.setProperty(JvmGlobal.KAFKA_DIR, broker.directory.toString());
        }
        System.setProperty(JvmGlobal.KAFKA_BOOTSTRAP, broker.bootstrapServers);
        return broker;
    }

    private static KafkaBroker startChild(Path persistentDir, int port, int controllerPort, int tlsPort)
            throws IOException {
        boolean temporary = persistentDir == null;
        Path dir = temporary ? Files.createTempDirectory("mensura-kafka-") : persistentDir.toAbsolutePath();
        Files.createDirectories(dir);
        try {
            return startChild(dir, temporary, port, controllerPort, tlsPort);
        } catch (IOException | RuntimeException e) {
            if (temporary) {
                JvmGlobal.deleteTree(dir); // the broker, if any, was stopped already
            }
            throw e;
        }
    }

    private static KafkaBroker startChild(Path dir, boolean temporary, int port, int controllerPort, int tlsPort)
            throws IOException {
        if (temporary) {
            port = JvmGlobal.freePort();
            controllerPort = JvmGlobal.freePort();
            while (controllerPort == port) {
                controllerPort = JvmGlobal.freePort();
            }
        } else {
            JvmGlobal.requirePortFree(port, "Kafka");
            JvmGlobal.requirePortFree(controllerPort, "Kafka controller");
        }
        if (tlsPort == 0) {
            tlsPort = JvmGlobal.freePort();
            while (tlsPort == port || tlsPort == controllerPort) {
                tlsPort = JvmGlobal.freePort();
            }
        } else {
            JvmGlobal.requirePortFree(tlsPort, "Kafka TLS");
        }
        Path keyStore = tlsKeyStore(dir.resolve(TLS_DIR));
        Files.writeString(dir.resolve(TLS_PORT_FILE), Integer.toString(tlsPort), StandardCharsets.UTF_8);
        Path dataDir = dir.resolve(DATA_DIR);
        Path config = dir.resolve("server.properties");
        Path log = dir.resolve(LOG_FILE);
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(config, serverProperties(port, controllerPort, tlsPort, dataDir, keyStore,
                dir.resolve(TLS_DIR).resolve(DevCertificates.CA + ".crt")), StandardCharsets.UTF_8);
        String classPath = brokerClassPath(dir);

        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            String clusterId = Uuid.randomUuid().toString();
            Process format = new ProcessBuilder(javaCommand(dir, classPath, "kafka.tools.StorageTool",
                    "format", "-t", clusterId, "-c", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .start();
            try {
                if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    format.destroyForcibly();
                    throw new IllegalStateException("kafka StorageTool format timed out\n" + tail(log));
                }
            } catch (InterruptedException e) {
                format.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while formatting Kafka storage", e);
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("kafka StorageTool format failed (exit " + format.exitValue()
                        + ")\n" + tail(log));
            }
        }

        Process p = new ProcessBuilder(javaCommand(dir, classPath, ChildLauncher.class.getName(),
                String.valueOf(ProcessHandle.current().pid()), "kafka.Kafka", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .redirectInput(Redirect.from(nullFile()))
                .start();
        String bootstrap = "127.0.0.1:" + port;
        KafkaBroker broker = new KafkaBroker(bootstrap, dir, log, p);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            if (temporary) {
                JvmGlobal.deleteTree(dir);
            }
        }, "mensura-kafka-stop"));
        try {
            broker.awaitReady(port);
        } catch (RuntimeException e) {
            broker.stop();
            throw e;
        }
        return broker;
    }

    /**
     * A fresh CA and a certificate for 127.0.0.1 and localhost in {@code tls}, and the broker's PEM
     * key store made of them (PKCS#8 key, then the certificate), as Kafka reads it.
     */
    private static Path tlsKeyStore(Path tls) throws IOException {
        DevCertificates certificates = DevCertificates.create(tls, List.of(TLS_NAME));
        Path keyStore = tls.resolve(TLS_NAME + "-keystore.pem");
        Files.deleteIfExists(keyStore);
        Files.createFile(keyStore, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyStore, Files.readString(certificates.keyFile(TLS_NAME))
                + Files.readString(certificates.certificateFile(TLS_NAME)), StandardCharsets.US_ASCII);
        return keyStore;
    }

    private static String serverProperties(int port, int controllerPort, int tlsPort, Path dataDir, Path keyStore,
                                           Path ca) {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",SSL://127.0.0.1:" + tlsPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SSL://127.0.0.1:" + tlsPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SSL:SSL,CONTROLLER:PLAINTEXT");
        p.put("listener.name.ssl.ssl.keystore.type", "PEM");
        p.put("listener.name.ssl.ssl.keystore.location", keyStore.toString());
        p.put("listener.name.ssl.ssl.truststore.type", "PEM");
        p.put("listener.name.ssl.ssl.truststore.location", ca.toString());
        p.put("listener.name.ssl.ssl.enabled.protocols", "TLSv1.3,TLSv1.2");
        p.put("listener.name.ssl.ssl.client.auth", "none");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        StringBuilder sb = new StringBuilder("# written by dev.mensura.testkit.KafkaBroker\n");
        // Properties format: backslashes in paths must be escaped
        p.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        return sb.toString();
    }

    /** The broker's jars plus the launcher class, copied on its own into {@code dir/launcher}. */
    private static String brokerClassPath(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(ChildLauncher.install(dir).toString());
        for (String list : List.of("kafka-broker.classpath")) { // written by libs/kafka-broker
            try (InputStream in = KafkaBroker.class.getResourceAsStream(list)) {
                if (in == null) {
                    throw new IllegalStateException("resource dev/mensura/testkit/" + list
                            + " is missing: build libs/kafka-broker with Maven (mvn -pl libs/kafka-broker install)");
                }
                for (String jar : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(java.io.File.pathSeparator)) {
                    if (jar.isBlank()) {
                        continue;
                    }
                    if (!Files.exists(Path.of(jar))) {
                        throw new IllegalStateException("broker jar " + jar + " is missing (listed in " + list
                                + "); run mvn -pl libs/kafka-broker install");
                    }
                    entries.add(jar);
                }
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static List<String> javaCommand(Path dir, String classPath, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ChildLauncher.javaExecutable(),
                "-Xmx512m", "-Xms64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                // its temporary files too stay in its own directory (scanned by invariant tests)
                "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dlog4j2.statusLoggerLevel=OFF",
                "-cp", classPath, mainClass));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private void awaitReady(int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        // First the listener (quietly), then an Admin client that can describe the cluster.
        while (!JvmGlobal.listening(port)) {
            checkAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka broker did not listen on " + bootstrapServers + " within "
                        + START_TIMEOUT.toSeconds() + " s\n" + tail(logFile));
            }
            sleep(100);
        }
        Exception last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                checkAlive();
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", e);
                }
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers + " not ready within "
                + START_TIMEOUT.toSeconds() + " s (" + last + ")\n" + tail(logFile));
    }

    private void checkAlive() {
        Process p = process;
        if (p != null && !p.isAlive()) {
            throw new IllegalStateException("Kafka broker exited with " + p.exitValue() + "\n" + tail(logFile));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The last lines of the broker log, for error messages. */
    static String tail(Path log) {
        if (log == null || !Files.exists(log)) {
            return "(no broker log)";
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long len = f.length();
            long from = Math.max(0, len - 8192);
            byte[] b = new byte[(int) (len - from)];
            f.seek(from);
            f.readFully(b);
            return "--- tail of " + log + " ---\n" + new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(broker log unreadable: " + e + ")";
        }
    }

    /** {@code host:port} to give to clients as {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The TLS listener, {@code 127.0.0.1:port}, for clients with {@code security.protocol=SSL} that
     * trust {@link #tlsCaFile()}; empty for a container.
     */
    public java.util.Optional<String> tlsBootstrapServers() {
        if (directory == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of("127.0.0.1:" + Files.readString(directory.resolve(TLS_PORT_FILE)).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The CA of the TLS listener's certificate (PEM); empty for a container. */
    public java.util.Optional<Path> tlsCaFile() {
        return directory == null ? java.util.Optional.empty()
                : java.util.Optional.of(directory.resolve(TLS_DIR).resolve(DevCertificates.CA + ".crt"))
                        .filter(Files::exists);
    }

    /** The broker's log file (null when the broker is a container). */
    public Path logFile() {
        return logFile;
    }

    /** Whether this is a Testcontainers container rather than the child JVM. */
    public boolean containerized() {
        return directory == null;
    }

    /**
     * The broker's {@code log.dirs}: every partition segment, index and checkpoint, and the KRaft
     * metadata log, for tests that scan the bytes at rest (e.g. for a canary that must never be
     * stored). Lies in {@link #directory()}.
     *
     * @throws IllegalStateException when the broker is a container (its disk is not this machine's)
     */
    public Path dataDirectory() {
        return directory().resolve(DATA_DIR);
    }

    /**
     * The broker's own directory (a temporary one, or dev/run's): {@code data/} ({@link
     * #dataDirectory()}), {@code server.properties}, {@code broker.log}, the launcher class and
     * {@code tmp/}, the child JVM's {@code java.io.tmpdir}. Scan this one to cover everything the
     * broker writes.
     *
     * @throws IllegalStateException when the broker is a container
     */
    public Path directory() {
        if (directory == null) {
            throw new IllegalStateException("the Kafka broker runs in a container: its directory is not on this machine");
        }
        return directory;
    }

    /** A new Admin client; the caller closes it. */
    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "mensura-testkit-admin");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return Admin.create(p);
    }

    public void createTopics(String... topics) {
        createTopics(Arrays.asList(topics));
    }

    /** Creates the topics that do not exist yet (broker defaults: 3 partitions, replication 1). */
    public void createTopics(Collection<String> topics) {
        Set<String> wanted = topics.stream().map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (wanted.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, java.util.Optional.empty(), java.util.Optional.empty())
                            .configs(dev.mensura.events.Topics.configOf(t)))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            CreateTopicsResult result = admin.createTopics(missing);
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e : result.values().entrySet()) {
                try {
                    e.getValue().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + e.getKey(), ex.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics " + wanted + " on " + bootstrapServers, e);
        }
    }

    /**
     * Restarts the broker as a fault test needs it: stops the child ({@code hard}: SIGKILL, as a
     * crashed node; otherwise SIGTERM, a controlled shutdown), waits {@code downtime}, then starts
     * it again on the same ports and data. Returns once it answers again. Only for a broker this
     * JVM started itself (not a container, not one attached from another class loader).
     */
    public synchronized void restart(boolean hard, Duration downtime) {
        Process p = process;
        if (p == null || directory == null) {
            throw new IllegalStateException("only a broker started by this JVM can be restarted");
        }
        Path config = directory.resolve("server.properties");
        try {
            String classPath = brokerClassPath(directory);
            if (hard) {
                process = null;
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            } else {
                stop();
            }
            sleep(downtime.toMillis());
            process = new ProcessBuilder(javaCommand(directory, classPath, ChildLauncher.class.getName(),
                    String.valueOf(ProcessHandle.current().pid()), "kafka.Kafka", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile()))
                    .redirectInput(Redirect.from(nullFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not restart", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting Kafka", e);
        }
        awaitReady(Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1)));
    }

    /** Stops the child broker (SIGTERM, then SIGKILL after 20 s). Called by the shutdown hook. */
    void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        process = null;
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
