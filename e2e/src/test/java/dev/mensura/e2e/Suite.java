package dev.mensura.e2e;

import dev.mensura.events.Topics;
import dev.mensura.testkit.DevCertificates;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.KafkaBroker;
import dev.mensura.testkit.ServiceEnv;
import dev.mensura.testkit.ServiceProcess;
import io.restassured.RestAssured;
import io.restassured.config.SSLConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The whole suite on this machine, as {@code dev/run} starts it: a real PostgreSQL, a real Kafka
 * broker (KRaft) and the five services, each in its own JVM from its fast-jar, on the environment
 * dev/run gives them. One per test JVM, shared by every class of this module (they run in order).
 *
 * <p>Every service speaks HTTPS only, with its own certificate from this suite's CA
 * ({@link #certificates}); the clients here trust that CA alone.
 *
 * <p>Two settings differ from dev/run so that faults can be watched in minutes, not hours: a
 * photo lives {@link #PHOTO_LIFETIME} instead of 295 s, and a job whose photos are gone ends
 * {@link #ABANDONED_GRACE} after that.
 */
final class Suite {
    static final List<String> SERVICES = List.of("privacy", "audit", "ingest", "vision", "fitting");
    static final Duration PHOTO_LIFETIME = Duration.ofSeconds(60);
    static final Duration ABANDONED_GRACE = Duration.ofSeconds(10);
    /** ingest's RAM budget for photos in this suite (the load test checks the upload dir against it). */
    static final long UPLOAD_BUDGET_BYTES = 64L * 1024 * 1024;
    static final int MAX_JOBS_HOLDING_PHOTOS = 6;
    static final int RETRY_AFTER_SECONDS = 3;
    /** ingest's and privacy's per-client limit (their application.properties), which EdgeRateLimitIT exceeds. */
    static final int RATE_LIMIT_BURST = 60;

    private static Suite instance;

    final Path repo;
    /** Files older than this cannot hold anything of this suite's photos: the canary sweep skips them. */
    final java.time.Instant startedAt = java.time.Instant.now();
    final Path uploadDir;
    final EmbeddedPostgres postgres;
    final KafkaBroker kafka;
    /** This suite's CA, a certificate for each service, and one for {@link #OUTSIDER}, which is no service. */
    final DevCertificates certificates;
    /** A certificate from the suite's CA naming a client that is not one of Mensura's services. */
    static final String OUTSIDER = "web-app";
    private final Map<String, ServiceProcess> running = new ConcurrentHashMap<>();
    /** Every service process's directory (log, java.io.tmpdir), killed ones too: the canary sweep reads them. */
    private final List<Path> processDirs = new CopyOnWriteArrayList<>();

    private Suite(Path repo) {
        this.repo = repo;
        this.postgres = EmbeddedPostgres.get();
        this.kafka = KafkaBroker.get();
        kafka.createTopics(Topics.ALL_WITH_DEAD_LETTERS);
        this.uploadDir = Path.of("/dev/shm/mensura-e2e-" + ProcessHandle.current().pid());
        Path tls;
        try {
            Files.createDirectories(uploadDir);
            tls = Files.createTempDirectory("mensura-e2e-tls-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = new ArrayList<>(DevCertificates.SERVICES);
        names.add(OUTSIDER);
        this.certificates = DevCertificates.create(tls, names);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(tls), "e2e-tls-dir"));
        // Every RestAssured call of the suite trusts this CA alone and checks the host name.
        RestAssured.config = RestAssured.config().sslConfig(SSLConfig.sslConfig().trustStore(certificates.trustStore()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeUploadDir, "e2e-upload-dir"));
    }

    static synchronized Suite get() {
        if (instance == null) {
            Suite suite = new Suite(repoRoot());
            // privacy first: every other service asks it for keys or consent as it starts working
            suite.start("privacy");
            List<CompletableFuture<ServiceProcess>> rest = new ArrayList<>();
            for (String name : SERVICES.subList(1, SERVICES.size())) {
                rest.add(CompletableFuture.supplyAsync(() -> suite.start(name)));
            }
            rest.forEach(CompletableFuture::join);
            instance = suite;
        }
        return instance;
    }

    /** A java.net.http client like an app's: trusts the suite's CA, presents no certificate (HTTP/2 over TLS). */
    java.net.http.HttpClient http() {
        return HTTP_CLIENT.updateAndGet(c -> c != null ? c
                : java.net.http.HttpClient.newBuilder().sslContext(certificates.clientContext()).build());
    }

    private static final java.util.concurrent.atomic.AtomicReference<java.net.http.HttpClient> HTTP_CLIENT =
            new java.util.concurrent.atomic.AtomicReference<>();

    ServiceProcess service(String name) {
        ServiceProcess p = running.get(name);
        if (p == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return p;
    }

    String url(String name) {
        return service(name).url();
    }

    /** Starts {@code name} (again, after a kill) and waits until it is ready. */
    ServiceProcess start(String name) {
        ServiceProcess p = ServiceProcess.start(name + "-service", jar(name), env(name));
        processDirs.add(p.directory());
        running.put(name, p);
        return p;
    }

    /** {@code kill -9} of one service: no shutdown hook runs, nothing is cleaned up. */
    void kill(String name) {
        ServiceProcess p = running.remove(name);
        if (p != null) {
            p.kill();
        }
    }

    List<Path> processDirectories() {
        return List.copyOf(processDirs);
    }

    /** Regular files in ingest's upload directory right now. */
    List<Path> uploadDirFiles() {
        try (Stream<Path> files = Files.list(uploadDir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At exit; what is left in it by then was swept by ingest or is asserted on by the tests. */
    private void removeUploadDir() {
        deleteTree(uploadDir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }

    /** Thread.sleep for test code that has nothing to do on an interrupt but stop. */
    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path verifierJar() {
        return repo.resolve("audit-verifier/target/audit-verifier.jar");
    }

    private Path jar(String name) {
        return repo.resolve(name + "-service/target/quarkus-app/quarkus-run.jar");
    }

    /** What dev/run gives each service, with this JVM's PostgreSQL, broker and keys. */
    private Map<String, String> env(String name) {
        DevKeys keys = DevKeys.get();
        Map<String, String> env = ServiceEnv.common(postgres.createDatabase("mensura_" + name));
        // HTTPS only, as dev/run runs them: no plain-HTTP allowance here. And no key to sign
        // tokens: a service is known to the others by its client certificate alone.
        env.put("MENSURA_TLS_PLAINTEXT_ALLOWED", null);
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", null);
        env.putAll(certificates.env(name + "-service"));
        // renewed certificates are picked up within seconds here (1 h in production)
        env.put("MENSURA_TLS_RELOAD_PERIOD", "2s");
        // and PostgreSQL over TLS, verified (TransportSecurityIT checks every connection)
        ServiceEnv.postgresOverTls(env, postgres.tlsCaFile().orElseThrow(
                () -> new IllegalStateException("the embedded PostgreSQL offers no TLS")));
        // and the broker on its TLS listener (the harness itself uses the plain one)
        ServiceEnv.kafkaOverTls(env, kafka);
        if (!"privacy".equals(name)) {
            env.put("MENSURA_PRIVACY_URL", running.get("privacy").url());
        }
        switch (name) {
            case "privacy" -> {
                env.put("MENSURA_PRIVACY_KEK_KEYSET_FILE", keys.kekKeysetFile().toString());
                env.put("MENSURA_PRIVACY_DSR_RETRY_INTERVAL", "2s");
            }
            case "audit" -> env.put("MENSURA_AUDIT_SIGNING_KEYSET_FILE", keys.auditSigningKeysetFile().toString());
            case "ingest" -> {
                env.put("MENSURA_INGEST_UPLOAD_DIR", uploadDir.toString());
                env.put("MENSURA_INGEST_MAX_PHOTO_LIFETIME", PHOTO_LIFETIME.toSeconds() + "s");
                env.put("MENSURA_INGEST_ABANDONED_JOB_GRACE", ABANDONED_GRACE.toSeconds() + "s");
                env.put("MENSURA_INGEST_ABANDONED_CHECK_INTERVAL", "1s");
                env.put("MENSURA_INGEST_UPLOAD_BUDGET_BYTES", Long.toString(UPLOAD_BUDGET_BYTES));
                env.put("MENSURA_INGEST_MAX_JOBS_HOLDING_PHOTOS", Integer.toString(MAX_JOBS_HOLDING_PHOTOS));
                // a job takes seconds here, not the 30 s the default Retry-After assumes
                env.put("MENSURA_INGEST_RETRY_AFTER_SECONDS", Integer.toString(RETRY_AFTER_SECONDS));
            }
            case "vision" -> {
                env.put("MENSURA_VISION_MODELS_DIR", repo.resolve(".models").toString());
                env.put("MENSURA_VISION_ENGINE_CACHE_DIR", repo.resolve("e2e/target/djl-cache").toString());
                env.put("MENSURA_VISION_DEVICE", "cpu");
            }
            case "fitting" -> {
                env.put("MENSURA_FITTING_BODYMODEL_DIR", bodyModelDir().toString());
                env.put("MENSURA_FITTING_ENGINE_CACHE_DIR", repo.resolve("e2e/target/djl-cache").toString());
            }
            default -> throw new IllegalArgumentException("unknown service " + name);
        }
        return env;
    }

    /** {@code shared/bodymodel/mpfb2} beside the repository (read from there, never copied). */
    private Path bodyModelDir() {
        for (Path d = repo; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/bodymodel/mpfb2");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/bodymodel/mpfb2 above " + repo);
    }

    private static Path repoRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("e2e/pom.xml")) && Files.isRegularFile(d.resolve("mvnw"))) {
                return d;
            }
        }
        throw new IllegalStateException("not inside the Mensura repository: " + start);
    }
}
