package dev.mensura.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the log takes and what it refuses (I6), without a server. */
class EntryPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PSEUDONYM = "1ZHzQ9b_9ALJg9c3PeI8uLJ-E4t4-CjDkMalc-g_viQ";

    private static AuditEntry accept(Map<String, Object> changes) {
        Map<String, Object> record = new HashMap<>(Map.of("time", Instant.now().toString(), "actor", "privacy-service",
                "action", "subject.erasure.requested", "resource", "subject:" + PSEUDONYM + "/dsr:" + UUID.randomUUID(),
                "outcome", "success", "correlationId", UUID.randomUUID().toString(),
                "details", Map.of("reason", "subject-request")));
        record.putAll(changes);
        return EntryPolicy.accept(UUID.randomUUID().toString(), "/mensura/privacy-service", JSON.valueToTree(record));
    }

    @Test
    void identifiersAreNeverMistakenForPersonalData() {
        // UUIDs' digit groups can look like phone numbers to a masker; thousands of them must pass.
        for (int i = 0; i < 20_000; i++) {
            assertThat(accept(Map.of()).json().get("eventId").asText()).isNotEmpty();
        }
    }

    @Test
    void personalDataInAnyShapeIsRefused() {
        for (String value : new String[] {"ada@example.org", "+4915123456789", "203.0.113.7", "4111111111111111",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlMTIzNDU2", "/dev/shm/mensura-uploads/abc"}) {
            assertThatThrownBy(() -> accept(Map.of("details", Map.of("reason", value)))).as(value)
                    .isInstanceOf(EntryRejectedException.class);
        }
        assertThatThrownBy(() -> accept(Map.of("details", Map.of("note", "Ada Lovelace, 172 cm"))))
                .hasMessageContaining("Audit entry rejected");
        assertThatThrownBy(() -> accept(Map.of("actor", "Ada Lovelace"))).isInstanceOf(EntryRejectedException.class);
        assertThatThrownBy(() -> accept(Map.of("details", Map.of("heightCm", 172.5))))
                .isInstanceOf(EntryRejectedException.class);
        assertThatThrownBy(() -> accept(Map.of("name", "Ada"))).isInstanceOf(EntryRejectedException.class);
    }

    @Test
    void theCanonicalFormIsStableWhateverTheInputOrder() {
        var a = EntryPolicy.accept("e1", "/mensura/x", JSON.valueToTree(Map.of("time", "2026-11-23T10:00:00Z",
                "actor", "x-service", "action", "a.b", "resource", "r:1", "outcome", "success",
                "details", Map.of("b", 2, "a", 1))));
        assertThat(new String(a.canonical(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "{\"action\":\"a.b\",\"actor\":\"x-service\",\"details\":{\"a\":1,\"b\":2},\"eventId\":\"e1\","
                        + "\"outcome\":\"success\",\"resource\":\"r:1\",\"source\":\"/mensura/x\","
                        + "\"time\":\"2026-11-23T10:00:00Z\"}");
    }
}
