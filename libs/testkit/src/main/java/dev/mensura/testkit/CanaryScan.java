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
        NeedleIndex index = new NeedleIndex(needles);
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
                                && containsAny(file, index, overlap)) {
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

    /** Whether {@code data} (a response body, say) holds any of {@code canaries}. */
    public static boolean containsAnyBytes(byte[] data, Collection<byte[]> canaries) {
        return containsAnyOf(canaries).test(data);
    }

    /** A test for many byte arrays against the same canaries: the index is built once. */
    public static java.util.function.Predicate<byte[]> containsAnyOf(Collection<byte[]> canaries) {
        NeedleIndex index = new NeedleIndex(List.copyOf(canaries));
        return data -> index.foundIn(data, data.length);
    }

    private static boolean containsAny(Path file, NeedleIndex index, int overlap) {
        byte[] window = new byte[CHUNK + overlap];
        int carried = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(window, carried, CHUNK)) > 0) {
                int length = carried + n;
                if (index.foundIn(window, length)) {
                    return true;
                }
                carried = Math.min(overlap, length);
                System.arraycopy(window, length - carried, window, 0, carried);
            }
            return false;
        } catch (IOException gone) {
            return false; // removed meanwhile by the server
        }
    }

    /**
     * Hundreds of needles over gigabytes: each position of the data is first checked against the
     * set of the needles' first two bytes (a 64 Ki-bit table), and only a hit is compared in full,
     * instead of comparing every needle at every position.
     */
    private static final class NeedleIndex {
        private final java.util.BitSet firstTwo = new java.util.BitSet(1 << 16);
        private final List<byte[]>[] byFirstTwo;
        private final List<byte[]> oneByte = new ArrayList<>();

        @SuppressWarnings("unchecked")
        NeedleIndex(List<byte[]> needles) {
            byFirstTwo = new List[1 << 16];
            for (byte[] needle : needles) {
                if (needle.length == 0) {
                    continue;
                }
                if (needle.length == 1) {
                    oneByte.add(needle);
                    continue;
                }
                int key = key(needle, 0);
                firstTwo.set(key);
                if (byFirstTwo[key] == null) {
                    byFirstTwo[key] = new ArrayList<>();
                }
                byFirstTwo[key].add(needle);
            }
        }

        boolean foundIn(byte[] hay, int length) {
            for (byte[] needle : oneByte) {
                for (int i = 0; i < length; i++) {
                    if (hay[i] == needle[0]) {
                        return true;
                    }
                }
            }
            for (int i = 0; i + 1 < length; i++) {
                int key = key(hay, i);
                if (firstTwo.get(key)) {
                    for (byte[] needle : byFirstTwo[key]) {
                        if (matchesAt(hay, length, i, needle)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static int key(byte[] b, int at) {
            return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
        }

        private static boolean matchesAt(byte[] hay, int length, int at, byte[] needle) {
            if (at + needle.length > length) {
                return false;
            }
            for (int j = 2; j < needle.length; j++) {
                if (hay[at + j] != needle[j]) {
                    return false;
                }
            }
            return true;
        }
    }
}
