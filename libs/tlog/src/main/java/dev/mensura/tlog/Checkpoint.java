package dev.mensura.tlog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The body of a C2SP tlog-checkpoint: origin line, tree size in decimal, base64 root hash, each
 * ending in a newline. (No extension lines are written; parsing accepts and ignores them.)
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("origin must be one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (rootHash == null || rootHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("root hash must be 32 bytes");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a checkpoint body (the text of a verified note). */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint is at least three lines, each ending in a newline");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tree size is not a decimal number");
        }
        if (!lines[1].equals(Long.toString(size))) {
            throw new IllegalArgumentException("tree size is not in canonical decimal form");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("root hash is not base64");
        }
        return new Checkpoint(lines[0], size, root);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.origin.equals(origin) && c.size == size
                && java.util.Arrays.equals(c.rootHash, rootHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, java.util.Arrays.hashCode(rootHash));
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + "]";
    }
}
