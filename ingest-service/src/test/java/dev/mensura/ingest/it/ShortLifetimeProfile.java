package dev.mensura.ingest.it;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The 300 s limit made short, so the "whatever happens" destruction can be watched in a test;
 * and room for a single job, so back-pressure can be seen too.
 */
public class ShortLifetimeProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mensura.ingest.max-photo-lifetime", "2s", "mensura.ingest.max-jobs-holding-photos", "1",
                "mensura.ingest.upload-dir", "/dev/shm/mensura-ingest-test-lifetime",
                // a job whose photos are gone ends soon after their deadline
                "mensura.ingest.abandoned-job-grace", "1s", "mensura.ingest.abandoned-check-interval", "1s");
    }
}
