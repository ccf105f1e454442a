package dev.mensura.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds the files whose bytes contain a canary: how invariant tests prove that something
 * (photo bytes, say) never reached a server's data directory, a log or a working dir. Files of
 * any size are read in chunks; a file or directory that vanishes during the walk is passed over
 * and the walk goes on.
 */
public final class CanaryScan {
    private static final int CHUNK = 1 << 20;

    private CanaryScan() {
    }

    public static List<Path> filesContaining(Path root, String canary) {
        return filesContaining(List.of(root), Instant.EPOCH, canary);
    }

    /** Regular files under {@code roots}, changed since {@code since}, that contain {@code canary}. */
    public static List<Path> filesContaining(Collection<Path> roots, Instant since, String canary) {
        return filesContainingAny(roots, since, List.of(canary));
    }

    /** As {@link #filesContaining}, for several canaries at once: each file is read once. */
    public static List<Path> filesContainingAny(Collection<Path> roots, Instant since, Collection<String> canaries) {
        return filesContainingAnyBytes(roots, since, canaries.stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** As {@link #filesContainingAny}, for canaries that are raw bytes (a slice of a photo's pixel data). */
    public static List<Path> filesContainingAnyBytes(Collection<Path> roots, Instant since, Collection<byte[]> canaries) {
        List<byte[]> needles = List.copyOf(canaries);
        int overlap = needles.stream().mapToInt(n -> n.length).max().orElse(1) - 1;
        List<Path> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && !attrs.lastModifiedTime().toInstant().isBefore(since)
                                && containsAny(file, needles, overlap)) {
                            hits.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // vanished or unreadable (a socket): nothing to read
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException("scan of a root failed", e);
            }
        }
        return hits;
    }

    private static boolean containsAny(Path file, List<byte[]> needles, int overlap) {
        byte[] window = new byte[CHUNK + overlap];
        int carried = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(window, carried, CHUNK)) > 0) {
                int length = carried + n;
                for (byte[] needle : needles) {
                    if (indexOf(window, length, needle) >= 0) {
                        return true;
                    }
                }
                carried = Math.min(overlap, length);
                System.arraycopy(window, length - carried, window, 0, carried);
            }
            return false;
        } catch (IOException gone) {
            return false; // removed meanwhile by the server
        }
    }

    private static int indexOf(byte[] hay, int length, byte[] needle) {
        outer:
        for (int i = 0; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
