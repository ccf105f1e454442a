package dev.mensura.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1 Merkle Tree Hash, inclusion and consistency proofs (the log's side: it has every
 * leaf). Appending keeps the hash of every complete, aligned subtree, so a root or a proof for any
 * tree size costs O(log n) hashes rather than rehashing the log. Not thread-safe; callers guard it.
 */
public final class MerkleTree {
    /** levels.get(h).get(i): the hash of the complete subtree of 2^h leaves starting at leaf i·2^h. */
    private final List<HashArray> levels = new ArrayList<>();

    public MerkleTree() {
        levels.add(new HashArray());
    }

    public static MerkleTree of(List<byte[]> leafHashes) {
        MerkleTree tree = new MerkleTree();
        leafHashes.forEach(tree::append);
        return tree;
    }

    public long size() {
        return levels.get(0).size();
    }

    public void append(byte[] leafHash) {
        if (leafHash == null || leafHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("a leaf hash is 32 bytes");
        }
        levels.get(0).add(leafHash);
        // Every level whose last two nodes now form a complete pair gains their parent.
        for (int h = 0; levels.get(h).size() % 2 == 0; h++) {
            HashArray level = levels.get(h);
            if (levels.size() == h + 1) {
                levels.add(new HashArray());
            }
            levels.get(h + 1).add(Hashes.node(level.get(level.size() - 2), level.get(level.size() - 1)));
        }
    }

    public byte[] leaf(long index) {
        return levels.get(0).get(index);
    }

    /** MTH(D[0:size]). */
    public byte[] root(long size) {
        checkSize(size);
        return size == 0 ? Hashes.empty() : hash(0, Math.toIntExact(size));
    }

    /** PATH(index, D[0:size]) (§2.1.3.1): the audit path of leaf {@code index} in the tree of {@code size}. */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index must be in [0, size)");
        }
        List<byte[]> proof = new ArrayList<>();
        path((int) index, 0, (int) size, proof);
        return proof;
    }

    /** PROOF(m, D[0:n]) (§2.1.4.1): proves the tree of size {@code n} extends the tree of size {@code m}. */
    public List<byte[]> consistencyProof(long m, long n) {
        checkSize(n);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("need 0 <= m <= n");
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof((int) m, 0, (int) n, true, proof);
        }
        return proof;
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private byte[] hash(int from, int to) {
        int n = to - from;
        if (Integer.bitCount(n) == 1 && from % n == 0) {
            return levels.get(Integer.numberOfTrailingZeros(n)).get(from / n);
        }
        int k = split(n);
        return Hashes.node(hash(from, from + k), hash(from + k, to));
    }

    private void path(int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = split(n);
        if (m < k) {
            path(m, from, from + k, out);
            out.add(hash(from + k, to));
        } else {
            path(m - k, from + k, to, out);
            out.add(hash(from, from + k));
        }
    }

    private void subproof(int m, int from, int to, boolean complete, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(hash(from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(m, from, from + k, complete, out);
            out.add(hash(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, out);
            out.add(hash(from, from + k));
        }
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("size must be in [0, " + size() + "]");
        }
    }
}
