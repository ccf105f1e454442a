package dev.mensura.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.events.EventCodec;
import dev.mensura.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** I2 after a crash: a photo file left in the upload directory is destroyed at start-up and audited. */
@QuarkusTest
@TestProfile(CrashSweepProfile.class)
class CrashSweepIT {

    @Test
    void leftoverFilesAreSweptAtStartAndAudited() {
        assertThat(Files.exists(CrashSweepProfile.LEFTOVER)).isFalse();
        assertThat(Ingest.uploadDirFiles()).isEmpty();
        var swept = Ingest.read(Topics.AUDIT_EVENTS, r -> r.value().contains("crash-sweep") && r.value().contains("unknown-job"), l -> !l.isEmpty(),
                Duration.ofSeconds(20));
        assertThat(swept).isNotEmpty();
        JsonNode entry = EventCodec.decode(swept.get(swept.size() - 1).value(), JsonNode.class).data();
        assertThat(entry.get("action").asText()).isEqualTo("photo.destroyed");
        assertThat(entry.get("details").get("sizeBytes").asLong()).isEqualTo(12_345L);
    }

    @Test
    void aLeftoverNamedForItsJobIsAuditedUnderThatJobSoItsReceiptAccountsForIt() {
        assertThat(Files.exists(CrashSweepProfile.LABELLED_LEFTOVER)).isFalse();
        var swept = Ingest.read(Topics.AUDIT_EVENTS, r -> CrashSweepProfile.JOB_PSEUDONYM.equals(r.key()),
                l -> !l.isEmpty(), Duration.ofSeconds(20));
        assertThat(swept).hasSize(1);
        JsonNode entry = EventCodec.decode(swept.get(0).value(), JsonNode.class).data();
        assertThat(entry.get("action").asText()).isEqualTo("photo.destroyed");
        assertThat(entry.get("resource").asText()).isEqualTo("job:" + CrashSweepProfile.JOB_PSEUDONYM + "/photo:side");
        assertThat(entry.get("details").get("reason").asText()).isEqualTo("crash-sweep");
        assertThat(entry.get("details").get("sizeBytes").asLong()).isEqualTo(23_456L);
    }
}
