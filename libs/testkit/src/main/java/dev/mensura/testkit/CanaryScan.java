package dev.mensura.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the files whose bytes contain a canary: how invariant tests prove that something
 * (photo bytes, say) never reached a server's data directory, a log or a working dir.
 */
public final class CanaryScan {
    private static final long MAX_FILE_BYTES = 256L << 20;

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
        List<byte[]> needles = canaries.stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toList();
        List<Path> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    if (containsAny(file, since, needles)) {
                        hits.add(file);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // A directory vanished while walking (a segment roll, a temp dir): what remains was read.
            }
        }
        return hits;
    }

    private static boolean containsAny(Path file, Instant since, List<byte[]> needles) {
        try {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(since) || Files.size(file) > MAX_FILE_BYTES) {
                return false;
            }
            byte[] content = Files.readAllBytes(file);
            return needles.stream().anyMatch(needle -> indexOf(content, needle) >= 0);
        } catch (IOException goneOrUnreadable) {
            return false; // removed meanwhile by the server, or a socket
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
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
