package dev.mensura.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * A growable array of 32-byte hashes in 1 MiB chunks: 32 bytes a hash instead of a byte[] object
 * each (about 56 bytes and a reference), which is what lets a replica keep a 10 M-entry tree.
 */
final class HashArray {
    private static final int PER_CHUNK = 32_768;
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    long size() {
        return size;
    }

    void add(byte[] hash) {
        int offset = (int) (size % PER_CHUNK);
        if (offset == 0) {
            chunks.add(new byte[PER_CHUNK * Hashes.SIZE]);
        }
        System.arraycopy(hash, 0, chunks.get(chunks.size() - 1), offset * Hashes.SIZE, Hashes.SIZE);
        size++;
    }

    byte[] get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("hash " + index + " of " + size);
        }
        byte[] hash = new byte[Hashes.SIZE];
        System.arraycopy(chunks.get((int) (index / PER_CHUNK)), (int) (index % PER_CHUNK) * Hashes.SIZE, hash, 0,
                Hashes.SIZE);
        return hash;
    }
}
