package dev.mensura.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, found from wherever Maven runs this module's tests. */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    static Path path() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("k8s/core")) && Files.isDirectory(dir.resolve("helm/mensura"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no directory above " + Path.of("").toAbsolutePath()
                + " holds both k8s/core and helm/mensura");
    }
}
