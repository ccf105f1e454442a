package dev.mensura.ingest.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts ingest on an upload directory that still holds a photo file from a "crashed" process. */
public class CrashSweepProfile implements QuarkusTestProfile {
    static final Path DIR = Path.of("/dev/shm/mensura-ingest-test-sweep");
    static final Path LEFTOVER = DIR.resolve("leftover-from-crash");
    /** A leftover named as ingest names photos: random part, view, job pseudonym. */
    static final String JOB_PSEUDONYM = "crashedJobPseudonym0001";
    static final Path LABELLED_LEFTOVER = DIR.resolve("AAAAAAAAAAAAAAAAAAAAAAAA.side." + JOB_PSEUDONYM);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mensura.ingest.upload-dir", DIR.toString());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Leftover.class));
    }

    public static class Leftover implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                Files.createDirectories(DIR);
                Files.write(LEFTOVER, new byte[12_345]);
                Files.write(LABELLED_LEFTOVER, new byte[23_456]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }
}
