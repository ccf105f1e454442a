package dev.mensura.audit.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.Topics;
import dev.mensura.events.data.AuditRecord;
import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.KafkaBroker;
import dev.mensura.testkit.KafkaRecords;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import dev.mensura.tlog.Checkpoint;
import dev.mensura.tlog.Hashes;
import dev.mensura.tlog.Jcs;
import dev.mensura.tlog.MerkleTree;
import dev.mensura.tlog.Proofs;
import dev.mensura.tlog.SignedNote;
import dev.mensura.tlog.VerifierKey;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The log against real PostgreSQL and Kafka: appends, policy, checkpoints, proofs, append-only. */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "audit"))
class AuditLogIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PSEUDONYM = "1ZHzQ9b_9ALJg9c3PeI8uLJ-E4t4-CjDkMalc-g_viQ";
    private static final String COMPLIANCE = TestTokens.withRoles("officer-cleo", "compliance");

    @Inject
    LogStore store;

    @Inject
    AuditLog log;

    private static AuditRecord record(String action, Map<String, Object> details) {
        return new AuditRecord(Instant.now(), "ingest-service", action, "job:" + PSEUDONYM + "/photo:front",
                "success", PSEUDONYM, details);
    }

    private static String publish(AuditRecord record) {
        var event = CloudEvent.of("/mensura/ingest-service", EventTypes.AUDIT_RECORDED, PSEUDONYM, record);
        KafkaRecords.publish(KafkaBroker.get().bootstrapServers(), Topics.AUDIT_EVENTS, PSEUDONYM,
                EventCodec.encode(event));
        return event.id();
    }

    @Test
    void kafkaEventsAreAppendedOnceAndCommittedToBySignedCheckpoints() throws Exception {
        String first = publish(record("photo.received", Map.of("sizeBytes", 4242)));
        String second = publish(record("photo.destroyed", Map.of("sizeBytes", 4242, "lifetimeMs", 1234,
                "reason", "vision-completed")));
        long[] indexes = new long[2];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            indexes[0] = indexOf(first);
            indexes[1] = indexOf(second);
            assertThat(indexes).doesNotContain(-1L);
        });
        // A redelivered event (same CloudEvent id) appends nothing.
        String replay = EventCodec.encode(new CloudEvent<>("1.0", first, "/mensura/ingest-service",
                EventTypes.AUDIT_RECORDED, null, Instant.now(), "application/json", PSEUDONYM,
                record("photo.received", Map.of("sizeBytes", 4242))));
        KafkaRecords.publish(KafkaBroker.get().bootstrapServers(), Topics.AUDIT_EVENTS, PSEUDONYM, replay);
        String marker = publish(record("photo.received", Map.of("sizeBytes", 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> indexOf(marker) >= 0);
        assertThat(store.entries(0, Long.MAX_VALUE).stream().filter(e -> e.eventId().equals(first))).hasSize(1);

        // A checkpoint covering them follows within a second, signed by the published key.
        List<VerifierKey> keys = given().get("/v1/audit/public-key").then().statusCode(200).extract().asString()
                .lines().map(VerifierKey::parse).toList();
        long needed = indexOf(marker) + 1;
        Checkpoint checkpoint = await().atMost(Duration.ofSeconds(3)).until(() -> Checkpoint.parse(SignedNote.open(
                given().get("/v1/audit/checkpoint").then().statusCode(200).extract().asString(), keys).text()),
                c -> c.size() >= needed);
        assertThat(checkpoint.origin()).isEqualTo("mensura.dev/audit");

        // Its root is what the entries hash to, recomputed here from their canonical JSON.
        List<byte[]> leaves = new ArrayList<>();
        JsonNode page = JSON.readTree(given().auth().oauth2(COMPLIANCE).get("/v1/audit/entries?start=0&end="
                + checkpoint.size()).then().statusCode(200).extract().asString());
        for (JsonNode e : page.get("entries")) {
            byte[] leaf = Hashes.leaf(Jcs.canonicalize(e.get("entry")));
            assertThat(Base64.getEncoder().encodeToString(leaf)).isEqualTo(e.get("leafHash").asText());
            leaves.add(leaf);
        }
        assertThat(MerkleTree.of(leaves).root(checkpoint.size())).isEqualTo(checkpoint.rootHash());
        JsonNode stored = page.get("entries").get((int) indexes[1]).get("entry");
        assertThat(stored.get("details").get("lifetimeMs").asLong()).isEqualTo(1234);
        assertThat(stored.get("source").asText()).isEqualTo("/mensura/ingest-service");

        // Inclusion of the destruction entry and consistency between two sizes, as a regulator checks them.
        JsonNode inclusion = JSON.readTree(given().auth().oauth2(COMPLIANCE).get("/v1/audit/proofs/inclusion?index="
                + indexes[1] + "&size=" + checkpoint.size()).then().statusCode(200).extract().asString());
        assertThat(Proofs.verifyInclusion(leaves.get((int) indexes[1]), indexes[1], checkpoint.size(),
                decode(inclusion.get("proof")), checkpoint.rootHash())).isTrue();
        long earlier = indexes[0] + 1;
        JsonNode consistency = JSON.readTree(given().auth().oauth2(COMPLIANCE).get("/v1/audit/proofs/consistency?from="
                + earlier + "&to=" + checkpoint.size()).then().statusCode(200).extract().asString());
        assertThat(Proofs.verifyConsistency(earlier, checkpoint.size(), decode(consistency.get("proof")),
                MerkleTree.of(leaves).root(earlier), checkpoint.rootHash())).isTrue();
    }

    @Test
    void recordsThatWouldCarryPersonalDataAreRefusedToTheDeadLetterTopic() {
        String withEmail = publish(record("photo.received", Map.of("reason", "ada.lovelace@example.org")));
        String withText = publish(record("photo.received", Map.of("reason", "the user said hello")));
        String withIp = publish(record("photo.received", Map.of("reason", "203.0.113.42")));
        var dead = KafkaRecords.read(KafkaBroker.get().bootstrapServers(), Topics.deadLetter(Topics.AUDIT_EVENTS),
                r -> Stream.of(withEmail, withText, withIp).anyMatch(r.value()::contains),
                l -> l.size() >= 3, Duration.ofSeconds(20));
        assertThat(dead).hasSize(3);
        assertThat(Stream.of(withEmail, withText, withIp).map(AuditLogIT::indexOf)).containsOnly(-1L);
    }

    @Test
    void servicesAppendOverHttpIdempotentlyAndNobodyElseMay() {
        String eventId = UUID.randomUUID().toString();
        String body = "{\"eventId\":\"" + eventId + "\",\"time\":\"2026-11-23T10:00:00Z\",\"actor\":\"vision-service\","
                + "\"action\":\"photo.fetched\",\"resource\":\"job:" + PSEUDONYM + "/photo:side\",\"outcome\":\"success\","
                + "\"details\":{\"sizeBytes\":77}}";
        long index = ((Number) given().auth().oauth2(TestTokens.service("vision-service")).contentType("application/json")
                .body(body).post("/v1/audit/entries").then().statusCode(201).body("appended", equalTo(true))
                .extract().path("index")).longValue();
        given().auth().oauth2(TestTokens.service("vision-service")).contentType("application/json").body(body)
                .post("/v1/audit/entries").then().statusCode(200).body("index", equalTo((int) index))
                .body("appended", equalTo(false));
        assertThat(indexOf(eventId)).isEqualTo(index);

        given().auth().oauth2(TestTokens.subject("someone")).contentType("application/json").body(body)
                .post("/v1/audit/entries").then().statusCode(403);
        given().contentType("application/json").body(body).post("/v1/audit/entries").then().statusCode(401);
        given().auth().oauth2(TestTokens.service("vision-service")).contentType("application/json")
                .body(body.replace(eventId, UUID.randomUUID().toString()).replace("\"sizeBytes\":77",
                        "\"note\":\"call me on +49 151 23456789\""))
                .post("/v1/audit/entries").then().statusCode(400)
                .body("type", equalTo("https://mensura.dev/problems/audit-entry-rejected"));
        given().auth().oauth2(TestTokens.service("vision-service")).contentType("application/json")
                .body(body.replace(eventId, UUID.randomUUID().toString()).replace("\"outcome\"", "\"name\":\"Ada\",\"outcome\""))
                .post("/v1/audit/entries").then().statusCode(400)
                .body("type", equalTo("https://mensura.dev/problems/audit-entry-rejected"));
        // Reading the log is for compliance officers.
        given().auth().oauth2(TestTokens.subject("someone")).get("/v1/audit/entries?start=0&end=1").then().statusCode(403);
        given().auth().oauth2(TestTokens.service("vision-service")).get("/v1/audit/proofs/inclusion?index=0&size=1")
                .then().statusCode(403);
        given().auth().oauth2(COMPLIANCE).get("/v1/audit/entries?start=5&end=2").then().statusCode(400)
                .body("type", equalTo("https://mensura.dev/problems/invalid-range"));
    }

    @Test
    void concurrentAppendsGetEveryIndexExactlyOnce() throws Exception {
        int threads = 6;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Set<Long> indexes = ConcurrentHashMap.newKeySet();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    var entry = EntryPolicy.accept(UUID.randomUUID().toString(), "/mensura/test",
                            JSON.valueToTree(Map.of("time", Instant.now().toString(), "actor", "test-service",
                                    "action", "test.appended", "resource", "test:concurrency", "outcome", "success")));
                    assertThat(indexes.add(log.append(entry).index())).isTrue();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(indexes).hasSize(threads * each);
        List<Long> all = store.entries(0, Long.MAX_VALUE).stream().map(LogStore.StoredEntry::index).toList();
        assertThat(new TreeSet<>(all)).hasSize(all.size());
        assertThat(all.get(all.size() - 1)).isEqualTo(all.size() - 1L);
    }

    @Test
    void theDatabaseItselfRefusesToRewriteHistory() throws Exception {
        String eventId = publish(record("photo.received", Map.of("sizeBytes", 9)));
        await().atMost(Duration.ofSeconds(20)).until(() -> indexOf(eventId) >= 0);
        try (Connection c = EmbeddedPostgres.get().connect("mensura_audit")) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update log_entry set entry = 'x'::bytea where event_id = '" + eventId + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "delete from log_entry where event_id = '" + eventId + "'")).hasMessageContaining("append-only");
        }
    }

    private static long indexOf(String eventId) {
        try (Connection c = EmbeddedPostgres.get().connect("mensura_audit");
             var ps = c.prepareStatement("select idx from log_entry where event_id = ?")) {
            ps.setString(1, eventId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> decode(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(n -> out.add(Base64.getDecoder().decode(n.asText())));
        return out;
    }
}
