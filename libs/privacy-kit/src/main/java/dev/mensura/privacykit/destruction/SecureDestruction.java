package dev.mensura.privacykit.destruction;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;

/**
 * Destroys photo files and buffers (invariant I2).
 *
 * <p>Why overwrite a file that lives on tmpfs, which never reaches a disk? Unlinking alone
 * only drops the name: the pages stay allocated while any descriptor or hard link still
 * refers to them, and freed pages are not cleared until reused. Zeroing first means that
 * whatever still holds the inode (a leaked descriptor, a hard link, a page swapped out with
 * tmpfs-on-swap) and later core dumps or memory snapshots see zeros, not a photo. The same
 * reasoning applies to JVM buffers: the garbage collector frees memory but does not clear it.
 */
public final class SecureDestruction {

    /** Overwrite in chunks: bounded memory whatever the photo size. */
    private static final int CHUNK = 64 * 1024;

    private static final byte[] ZEROS = new byte[CHUNK];

    private SecureDestruction() {
    }

    /**
     * Overwrites the whole file with zeros, flushes ({@code force(true)}), closes, unlinks and
     * verifies that the path is gone. Only regular files are accepted: symbolic links are
     * refused rather than followed, so a planted link cannot make this overwrite another file.
     *
     * <p>If overwriting fails the file is still unlinked (a photo must not survive because a
     * write failed), and the overwrite failure is then thrown.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist (callers that may
     *                                           destroy twice decide what that means)
     * @throws IOException if the file cannot be overwritten, deleted, or verified gone
     */
    public static DestructionResult destroy(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        // Throws NoSuchFileException when absent; NOFOLLOW so a link is seen as a link.
        BasicFileAttributes attributes =
                Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException("refusing to destroy something that is not a regular file: " + file);
        }
        long overwritten = 0;
        IOException overwriteFailure = null;
        try {
            overwritten = overwriteWithZeros(file);
        } catch (IOException e) {
            overwriteFailure = e;
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            if (overwriteFailure != null) {
                e.addSuppressed(overwriteFailure);
            }
            throw e;
        }
        // notExists is false both when the file exists and when its state cannot be known.
        if (!Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            IOException notGone = new IOException("file still present after delete: " + file);
            if (overwriteFailure != null) {
                notGone.addSuppressed(overwriteFailure);
            }
            throw notGone;
        }
        if (overwriteFailure != null) {
            throw overwriteFailure;
        }
        return new DestructionResult(overwritten, true);
    }

    private static long overwriteWithZeros(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            ByteBuffer zeros = ByteBuffer.wrap(ZEROS);
            long position = 0;
            while (position < size) {
                zeros.clear().limit((int) Math.min(CHUNK, size - position));
                while (zeros.hasRemaining()) {
                    position += channel.write(zeros, position);
                }
            }
            channel.force(true);
            return position;
        }
    }

    /**
     * Zeroes every given array completely; null arrays are skipped. The arrays stay reachable
     * by the caller, so the JIT cannot drop these stores as dead.
     */
    public static void zero(byte[]... arrays) {
        if (arrays == null) {
            return;
        }
        for (byte[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, (byte) 0);
            }
        }
    }

    /**
     * Zeroes the buffer's whole capacity, heap or direct, regardless of its position and limit
     * (which are left unchanged): photo bytes may sit beyond the current limit.
     *
     * @throws java.nio.ReadOnlyBufferException if the buffer is read-only (zero the buffer it
     *                                          is a view of instead)
     */
    public static void zero(ByteBuffer buffer) {
        if (buffer == null) {
            return;
        }
        if (buffer.hasArray()) {
            int start = buffer.arrayOffset();
            Arrays.fill(buffer.array(), start, start + buffer.capacity(), (byte) 0);
            return;
        }
        if (buffer.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        // A duplicate shares the content but has its own position and limit: clearing it
        // opens the whole capacity without touching the caller's buffer state.
        ByteBuffer whole = buffer.duplicate().clear();
        int capacity = whole.capacity();
        for (int index = 0; index < capacity; index += CHUNK) {
            whole.put(index, ZEROS, 0, Math.min(CHUNK, capacity - index));
        }
    }
}
