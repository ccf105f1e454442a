package dev.mensura.testkit.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the MakeHuman hm08 body model (CC0, the MPFB2 data directory) on disk. The model is never
 * copied into the repository; it lives beside the checkout in {@code ../shared/bodymodel/mpfb2}.
 *
 * <p>Order: the system property {@value #PROPERTY}; else, walking up from the working directory
 * (surefire runs tests in the module directory, e.g. {@code /work/main/vision-service}), the first
 * ancestor {@code a} with {@code a/shared/bodymodel/mpfb2} — that is, a {@code shared} directory
 * that is a sibling of one of the working directory's ancestors.
 */
public final class BodyModelDir {

    public static final String PROPERTY = "mensura.bodymodel.dir";
    /** The file every valid model directory has; used to tell a real model directory from a stray one. */
    static final String BASE_OBJ = "3dobjs/base.obj";
    private static final Path RELATIVE = Path.of("shared", "bodymodel", "mpfb2");

    private BodyModelDir() {
    }

    /** The model directory, or an {@link IllegalStateException} that says where it looked. */
    public static Path resolve() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!isModelDir(dir)) {
                throw new IllegalStateException("System property " + PROPERTY + "=" + configured
                        + " does not point at the MakeHuman body model: " + dir.resolve(BASE_OBJ) + " is missing");
            }
            return dir;
        }
        return resolveFrom(Path.of("").toAbsolutePath());
    }

    /** The walk-up search alone, from {@code start}; visible for tests. */
    static Path resolveFrom(Path start) {
        List<Path> tried = new ArrayList<>();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (isModelDir(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException("MakeHuman hm08 body model not found. Set -D" + PROPERTY
                + "=<directory holding " + BASE_OBJ + "> or put the model at ../shared/bodymodel/mpfb2 next to"
                + " the checkout. Looked in: " + tried);
    }

    private static boolean isModelDir(Path dir) {
        return Files.isRegularFile(dir.resolve(BASE_OBJ));
    }
}
