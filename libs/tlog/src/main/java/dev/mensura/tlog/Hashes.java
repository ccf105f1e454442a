package dev.mensura.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 hashing with SHA-256: a leaf is {@code SHA-256(0x00 || entry)}, an interior
 * node {@code SHA-256(0x01 || left || right)}, the empty tree {@code SHA-256()}. Plain SHA-256
 * from the JDK: Tink offers no bare hash, and this is a hash, not a keyed primitive.
 */
public final class Hashes {
    public static final int SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Hashes() {
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        sha.update(entry);
        return sha.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    public static byte[] empty() {
        return sha256().digest();
    }

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
