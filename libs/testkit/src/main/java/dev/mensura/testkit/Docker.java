package dev.mensura.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a Docker daemon answers, so that Testcontainers can be used instead of the embedded
 * servers. Fast and quiet when there is none: Testcontainers is only asked when there is some
 * sign of a daemon (DOCKER_HOST, a docker socket, ~/.testcontainers.properties), because its
 * own probing is slow and logs errors. {@code -Dmensura.testkit.docker=false} (or the
 * environment variable MENSURA_TESTKIT_DOCKER=false) forces the embedded servers,
 * {@code =true} forces asking Testcontainers.
 *
 * <p>The build machines of this project have no Docker engine, so the Testcontainers path is
 * compiled but has not been run here.
 */
final class Docker {

    private static Boolean available;

    private Docker() {
    }

    static synchronized boolean available() {
        if (available == null) {
            available = probe();
        }
        return available;
    }

    private static boolean probe() {
        String force = System.getProperty("mensura.testkit.docker", System.getenv("MENSURA_TESTKIT_DOCKER"));
        if ("false".equalsIgnoreCase(force)) {
            return false;
        }
        if (!"true".equalsIgnoreCase(force) && !hint()) {
            return false;
        }
        try {
            return Containers.dockerAvailable();
        } catch (Throwable t) { // NoClassDefFoundError when Testcontainers is not on the class path
            return false;
        }
    }

    private static boolean hint() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        return Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || (xdg != null && (Files.exists(Path.of(xdg, "docker.sock"))
                        || Files.exists(Path.of(xdg, "podman", "podman.sock"))));
    }
}
