package dev.mensura.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1 Merkle Tree Hash, inclusion and consistency proofs over a list of leaf hashes
 * (the log's side: it has every leaf). Trees of any size, not only powers of two.
 */
public final class MerkleTree {
    private MerkleTree() {
    }

    /** MTH(D[0:size]). */
    public static byte[] root(List<byte[]> leaves, long size) {
        checkSize(leaves, size);
        return size == 0 ? Hashes.empty() : hash(leaves, 0, (int) size);
    }

    /** PATH(index, D[0:size]) (§2.1.3.1): the audit path of leaf {@code index} in the tree of {@code size}. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, long index, long size) {
        checkSize(leaves, size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index must be in [0, size)");
        }
        List<byte[]> proof = new ArrayList<>();
        path(leaves, (int) index, 0, (int) size, proof);
        return proof;
    }

    /** PROOF(m, D[0:n]) (§2.1.4.1): proves the tree of size {@code n} extends the tree of size {@code m}. */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, long m, long n) {
        checkSize(leaves, n);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("need 0 <= m <= n");
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof((int) m, leaves, 0, (int) n, true, proof);
        }
        return proof;
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] hash(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return Hashes.node(hash(leaves, from, from + k), hash(leaves, from + k, to));
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = split(n);
        if (m < k) {
            path(leaves, m, from, from + k, out);
            out.add(hash(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, out);
            out.add(hash(leaves, from, from + k));
        }
    }

    private static void subproof(int m, List<byte[]> leaves, int from, int to, boolean complete, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(hash(leaves, from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(m, leaves, from, from + k, complete, out);
            out.add(hash(leaves, from + k, to));
        } else {
            subproof(m - k, leaves, from + k, to, false, out);
            out.add(hash(leaves, from, from + k));
        }
    }

    private static void checkSize(List<byte[]> leaves, long size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("size must be in [0, " + leaves.size() + "]");
        }
    }
}
