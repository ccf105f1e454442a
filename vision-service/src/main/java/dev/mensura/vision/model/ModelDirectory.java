package dev.mensura.vision.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The configured directory the models are read from (the build's {@code .models/} here; in
 * Kubernetes the image or an init container fills it), and what is wrong with it, if anything.
 */
public final class ModelDirectory {
    private final Path dir;
    private final Set<MediaPipeModel> required;

    public ModelDirectory(Path dir, Set<MediaPipeModel> required) {
        this.dir = dir;
        this.required = EnumSet.copyOf(required);
    }

    public Path dir() {
        return dir;
    }

    public Path path(MediaPipeModel model) {
        return dir.resolve(model.fileName());
    }

    /** One line per required model that is missing, unreadable or not the pinned file; empty when all are fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (MediaPipeModel model : required) {
            Path file = path(model);
            if (!Files.isRegularFile(file)) {
                problems.add(model.fileName() + " is missing from the model directory");
                continue;
            }
            try {
                if (!MessageDigest.isEqual(sha256(file), model.sha256())) {
                    problems.add(model.fileName() + " is not the pinned file (SHA-256 differs)");
                }
            } catch (IOException e) {
                problems.add(model.fileName() + " cannot be read");
            }
        }
        return problems;
    }

    /**
     * The model's bytes, read once and checked against the pin in that same read, so what is
     * loaded is exactly what was checked.
     */
    public byte[] verifiedBytes(MediaPipeModel model) throws IOException {
        byte[] bytes = Files.readAllBytes(path(model));
        try {
            if (!MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(bytes), model.sha256())) {
                throw new IOException(model.fileName() + " is not the pinned file (SHA-256 differs)");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return bytes;
    }

    private static byte[] sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return sha.digest();
    }
}
