package dev.mensura.ingest.it;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** privacy-service unreachable: nothing listens on port 1. */
public class PrivacyDownProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mensura.privacy.url", "http://127.0.0.1:1");
    }
}
