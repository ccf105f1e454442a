package dev.mensura.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * State shared by every class loader of one JVM.
 *
 * <p>A Quarkus test loads this module's classes in more than one class loader (the test class
 * and the application may see different copies), so a plain {@code static} singleton would
 * start a second PostgreSQL, a second broker, or — worse — a second key pair, and tokens
 * signed in the test would not verify in the application. The servers and keys are therefore
 * published as system properties by whichever copy starts them, and the other copies attach to
 * them. The lock is an interned string literal, which is the same object in every class loader.
 */
final class JvmGlobal {

    /** Interned literal: one object per JVM whatever the class loader. */
    static final Object LOCK = "dev.mensura.testkit.JvmGlobal.LOCK";

    static final String PG_HOST = "mensura.testkit.postgres.host";
    static final String PG_PORT = "mensura.testkit.postgres.port";
    static final String PG_USER = "mensura.testkit.postgres.username";
    static final String PG_PASSWORD = "mensura.testkit.postgres.password";
    static final String PG_DATA_DIR = "mensura.testkit.postgres.data-dir";
    static final String KAFKA_BOOTSTRAP = "mensura.testkit.kafka.bootstrap";
    static final String KAFKA_DIR = "mensura.testkit.kafka.dir";
    /** Prefix of {@link ServiceProcess}' properties: {@code <prefix><name>.port|pid|log}. */
    static final String SERVICE_PREFIX = "mensura.testkit.service.";
    static final String KEYS_DIR = "mensura.testkit.keys.dir";

    private JvmGlobal() {
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:port. */
    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requirePortFree(int port, String what) {
        if (listening(port)) {
            throw new IllegalStateException(what + ": port " + port
                    + " is already in use (a stale process from an earlier run?)");
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (java.nio.file.DirectoryNotEmptyException | NoSuchFileException ignored) {
                        // best effort at JVM exit
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
