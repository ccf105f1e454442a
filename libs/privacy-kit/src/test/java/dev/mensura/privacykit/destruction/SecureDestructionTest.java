package dev.mensura.privacykit.destruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureDestructionTest {

    @TempDir
    Path dir;

    @Test
    void overwritesTheContentBeforeUnlinking() throws Exception {
        // Not a multiple of the chunk size, and more than one chunk.
        byte[] photo = randomNonZero(200_003);
        Path file = dir.resolve("front.jpg");
        Files.write(file, photo);
        // A second name for the same inode survives the unlink, so it shows what the
        // destruction left in the file's pages.
        Path witness = Files.createLink(dir.resolve("witness"), file);

        DestructionResult result = SecureDestruction.destroy(file);

        assertThat(result.bytesOverwritten()).isEqualTo(photo.length);
        assertThat(result.verifiedGone()).isTrue();
        assertThat(Files.notExists(file)).isTrue();
        byte[] left = Files.readAllBytes(witness);
        assertThat(left).hasSize(photo.length);
        assertThat(countNonZero(left)).isZero();
    }

    @Test
    void emptyFileIsDestroyedToo() throws Exception {
        Path file = Files.createFile(dir.resolve("empty"));
        assertThat(SecureDestruction.destroy(file)).isEqualTo(new DestructionResult(0, true));
        assertThat(file).doesNotExist();
    }

    @Test
    void missingFileIsReported() {
        assertThatThrownBy(() -> SecureDestruction.destroy(dir.resolve("never-there")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void symbolicLinksAndDirectoriesAreRefusedAndLeftIntact() throws Exception {
        byte[] content = randomNonZero(100);
        Path target = Files.write(dir.resolve("target"), content);
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        Path sub = Files.createDirectory(dir.resolve("sub"));

        assertThatThrownBy(() -> SecureDestruction.destroy(link)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SecureDestruction.destroy(sub)).isInstanceOf(IOException.class);

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(sub).isDirectory();
    }

    @Test
    void byteArraysAreZeroedAndNullsSkipped() {
        byte[] a = randomNonZero(1000);
        byte[] b = randomNonZero(3);
        SecureDestruction.zero(a, null, b);
        assertThat(countNonZero(a) + countNonZero(b)).isZero();
        SecureDestruction.zero((byte[][]) null); // no exception
    }

    @Test
    void heapBufferIsZeroedOverItsWholeCapacityKeepingPositionAndLimit() {
        ByteBuffer buffer = ByteBuffer.wrap(randomNonZero(4096));
        buffer.position(100).limit(200);

        SecureDestruction.zero(buffer);

        assertThat(countNonZero(buffer.array())).isZero();
        assertThat(buffer.position()).isEqualTo(100);
        assertThat(buffer.limit()).isEqualTo(200);
    }

    @Test
    void directBufferIsZeroedOverItsWholeCapacity() {
        int capacity = 300_001; // several chunks and a remainder
        ByteBuffer buffer = ByteBuffer.allocateDirect(capacity);
        buffer.put(randomNonZero(capacity)).position(7).limit(9);

        SecureDestruction.zero(buffer);

        assertThat(buffer.position()).isEqualTo(7);
        assertThat(buffer.limit()).isEqualTo(9);
        byte[] copy = new byte[capacity];
        buffer.duplicate().clear().get(copy);
        assertThat(countNonZero(copy)).isZero();
    }

    @Test
    void aSliceZeroesOnlyItsOwnBytes() {
        byte[] backing = randomNonZero(100);
        ByteBuffer slice = ByteBuffer.wrap(backing, 10, 20).slice();

        SecureDestruction.zero(slice);

        for (int i = 0; i < backing.length; i++) {
            boolean inSlice = i >= 10 && i < 30;
            assertThat(backing[i] == 0).as("byte %d", i).isEqualTo(inSlice);
        }
    }

    @Test
    void readOnlyViewsCannotBeZeroed() {
        ByteBuffer readOnly = ByteBuffer.allocateDirect(10).asReadOnlyBuffer();
        assertThatThrownBy(() -> SecureDestruction.zero(readOnly)).isInstanceOf(ReadOnlyBufferException.class);
        assertThatThrownBy(() -> SecureDestruction.zero(ByteBuffer.allocate(10).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
    }

    private static byte[] randomNonZero(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                bytes[i] = 1;
            }
        }
        return bytes;
    }

    private static long countNonZero(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }
}
