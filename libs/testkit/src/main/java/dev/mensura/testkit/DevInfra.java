package dev.mensura.testkit;

import dev.mensura.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure of {@code dev/run}: {@code java -cp ... dev.mensura.testkit.DevInfra [repo-dir]}.
 *
 * <p>PostgreSQL 14 on localhost:{@value #PG_PORT} with its data in {@code <repo>/.dev/postgres}
 * (kept between runs), Kafka on 127.0.0.1:{@value #KAFKA_PORT} (controller
 * {@value #KAFKA_CONTROLLER_PORT}) with its data in {@code <repo>/.dev/kafka}, the databases and
 * topics of the services, and keys in {@code <repo>/.dev/keys} (made once). Writes the
 * connection settings to {@code <repo>/.dev/infra.env}, prints {@code ready} and runs until
 * SIGTERM/SIGINT, when shutdown hooks stop Kafka and PostgreSQL cleanly.
 */
public final class DevInfra {

    public static final int PG_PORT = 55432;
    public static final int KAFKA_PORT = 59092;
    public static final int KAFKA_CONTROLLER_PORT = 59093;
    public static final int KAFKA_TLS_PORT = 59094;

    public static final List<String> SERVICES = List.of("privacy", "ingest", "vision", "fitting", "audit");
    public static final List<String> TOPICS = Topics.ALL_WITH_DEAD_LETTERS;

    private DevInfra() {
    }

    /** Strong references: JUL holds loggers weakly, and a collected logger loses its level. */
    private static final List<java.util.logging.Logger> QUIET = new java.util.ArrayList<>();

    public static void main(String[] args) throws Exception {
        configureLogging();
        Path repo = Path.of(args.length > 0 ? args[0] : System.getProperty("user.dir")).toAbsolutePath().normalize();
        Path dev = repo.resolve(".dev");
        Files.createDirectories(dev);
        long t0 = System.nanoTime();

        EmbeddedPostgres pg = EmbeddedPostgres.startPersistent(dev.resolve("postgres"), PG_PORT);
        Map<String, PgDatabase> dbs = new LinkedHashMap<>();
        for (String svc : SERVICES) {
            dbs.put(svc, pg.createDatabase("mensura_" + svc));
        }
        log("PostgreSQL on localhost:" + pg.port() + " (" + ms(t0) + " ms)");

        long t1 = System.nanoTime();
        KafkaBroker kafka = KafkaBroker.startPersistent(dev.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT,
                KAFKA_TLS_PORT);
        kafka.createTopics(TOPICS);
        log("Kafka on " + kafka.bootstrapServers() + " (" + ms(t1) + " ms), log " + kafka.logFile());

        DevKeys keys = DevKeys.ensure(dev.resolve("keys"));
        DevCertificates certificates = DevCertificates.ensure(dev.resolve("tls"));
        writeEnv(dev.resolve("infra.env"), pg, dbs, kafka, keys, certificates);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            stopped.countDown();
        }, "mensura-devinfra-stop"));
        System.out.println("ready");
        System.out.flush();
        stopped.await();
    }

    private static void writeEnv(Path file, EmbeddedPostgres pg, Map<String, PgDatabase> dbs, KafkaBroker kafka,
            DevKeys keys, DevCertificates certificates) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MENSURA_PG_HOST", pg.host());
        env.put("MENSURA_PG_PORT", String.valueOf(pg.port()));
        env.put("MENSURA_PG_USERNAME", pg.username());
        env.put("MENSURA_PG_PASSWORD", pg.password());
        dbs.forEach((svc, db) -> {
            String k = "MENSURA_DB_" + svc.toUpperCase(Locale.ROOT);
            env.put(k + "_NAME", db.name());
            // TLS, with the server's certificate and host name checked against the local CA
            env.put(k + "_JDBC_URL", db.jdbcUrl() + pg.tlsCaFile()
                    .map(ca -> "?sslmode=verify-full&sslrootcert=" + ca).orElse(""));
            env.put(k + "_REACTIVE_URL", db.reactiveUrl());
        });
        pg.tlsCaFile().ifPresent(ca -> env.put("MENSURA_PG_TLS_CA", ca.toString()));
        // the services reach the broker on its TLS listener (dev/run passes these on)
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.tlsBootstrapServers().orElse(kafka.bootstrapServers()));
        kafka.tlsCaFile().ifPresent(ca -> env.put("MENSURA_KAFKA_TLS_CA", ca.toString()));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyPem().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKeyPem().toString());
        env.put("MENSURA_PSEUDONYM_KEYSET_FILE", keys.pseudonymKeysetFile().toString());
        env.put("MENSURA_PRIVACY_KEK_KEYSET_FILE", keys.kekKeysetFile().toString());
        env.put("MENSURA_AUDIT_SIGNING_KEYSET_FILE", keys.auditSigningKeysetFile().toString());
        // dev/run gives each service its own certificate: MENSURA_TLS_DIR/<service>.crt and .key
        env.put("MENSURA_TLS_DIR", certificates.caFile().getParent().toString());
        StringBuilder sb = new StringBuilder("# written by dev.mensura.testkit.DevInfra; sourced by dev/run\n");
        env.forEach((k, v) -> sb.append(k).append("='").append(v.replace("'", "'\\''")).append("'\n"));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Plain console logging at INFO, Kafka clients at WARN. The class path carries Quarkus'
     * initial log configurator (through quarkus-junit), which would otherwise buffer every record
     * for a Quarkus application that never starts here.
     */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
        console.setLevel(java.util.logging.Level.ALL);
        console.setFormatter(new java.util.logging.Formatter() {
            @Override
            public String format(java.util.logging.LogRecord r) {
                String msg = formatMessage(r);
                String thrown = "";
                if (r.getThrown() != null) {
                    java.io.StringWriter sw = new java.io.StringWriter();
                    r.getThrown().printStackTrace(new java.io.PrintWriter(sw));
                    thrown = "\n" + sw;
                }
                return String.format("%1$tT %2$-7s [%3$s] %4$s%5$s%n", r.getMillis(), r.getLevel().getName(),
                        r.getLoggerName(), msg, thrown);
            }
        });
        root.addHandler(console);
        root.setLevel(java.util.logging.Level.INFO);
        for (String name : List.of("org.apache.kafka")) {
            java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
            l.setLevel(java.util.logging.Level.WARNING);
            QUIET.add(l);
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void log(String msg) {
        System.out.println("[DevInfra] " + msg);
        System.out.flush();
    }
}
