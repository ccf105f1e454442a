package dev.mensura.ingest.bench;

import dev.mensura.ingest.photo.PhotoFixtures;
import dev.mensura.ingest.photo.PhotoLimits;
import dev.mensura.ingest.photo.PhotoSanitizer;
import dev.mensura.ingest.storage.PhotoVault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest's strip-and-store of a 4 MB camera JPEG (validate, read orientation/focal, drop the
 * metadata, write 0600 to tmpfs) against the reference: a plain write of the same bytes to the
 * same tmpfs with the same file options. Goal: at least 0.5x the reference's throughput.
 *
 * <p>Run: {@code dev/bench} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StripAndStoreBenchmark {
    @Param("/dev/shm/mensura-bench")
    public String directory;

    private byte[] photo;
    private Path dir;
    private PhotoSanitizer sanitizer;
    private final AtomicLong counter = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        photo = PhotoFixtures.cameraJpegOfAtLeast(4 * 1024 * 1024).bytes();
        dir = Files.createDirectories(Path.of(directory));
        sanitizer = new PhotoSanitizer(PhotoLimits.defaults());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Reference: the same bytes written to the same tmpfs, no inspection at all. */
    @Benchmark
    public long plainCopy() throws IOException {
        return store(photo);
    }

    @Benchmark
    public long stripAndStore() throws IOException {
        return store(sanitizer.sanitize(photo).bytes());
    }

    private long store(byte[] bytes) throws IOException {
        Path file = dir.resolve("p" + counter.incrementAndGet());
        PhotoVault.writePrivate(file, bytes);
        Files.delete(file);
        return bytes.length;
    }
}
