package dev.mensura.audit.log;

import dev.mensura.tlog.MerkleTree;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * This replica's copy of the tree (leaf hashes and every complete subtree's hash), brought up to
 * date from PostgreSQL before it is used, so roots and proofs cost O(log n) and every replica
 * answers for everything any replica appended. 32 bytes a leaf, about 64 with its subtrees.
 */
@ApplicationScoped
public class LogTree {
    private final LogStore store;
    private final MerkleTree tree = new MerkleTree();

    public LogTree(LogStore store) {
        this.store = store;
    }

    /** Reads what other appends (here or on another replica) added; returns the tree size. */
    public synchronized long refresh() {
        List<byte[]> added = store.leavesFrom(tree.size());
        added.forEach(tree::append);
        return tree.size();
    }

    public synchronized long size() {
        return tree.size();
    }

    public synchronized byte[] leaf(long index) {
        return tree.leaf(index);
    }

    public synchronized byte[] root(long size) {
        return tree.root(size);
    }

    public synchronized List<byte[]> inclusionProof(long index, long size) {
        return tree.inclusionProof(index, size);
    }

    public synchronized List<byte[]> consistencyProof(long from, long to) {
        return tree.consistencyProof(from, to);
    }
}
