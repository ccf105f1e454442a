package dev.mensura.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.events.Topics;
import dev.mensura.testkit.KafkaRecords;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The infrastructure fails under the running suite: the Kafka broker crashes and comes back in
 * the middle of jobs, a poison record arrives, PostgreSQL restarts. Nothing is lost, nothing
 * happens twice, and the services recover on their own.
 */
@Order(3)
class InfrastructureRestartIT {
    private static final List<String> WITH_DATABASE = List.of("privacy", "audit", "ingest", "fitting");

    @Test
    void aBrokerCrashMidStreamLosesNoJobAndDoublesNoEffect() {
        Suite suite = Suite.get();
        Map<String, App> jobs = new ConcurrentHashMap<>();
        for (int i = 0; i < 3; i++) {
            App app = new App(suite);
            app.grantConsent();
            jobs.put(app.uploadAccepted(Photos.of(301 + i), 175), app);
        }
        suite.kafka.restart(true, Duration.ofSeconds(5)); // SIGKILL: the node crashes, then comes back

        jobs.forEach((jobId, app) -> {
            JsonPath end = app.awaitEnd(jobId, Duration.ofMinutes(4));
            assertThat(end.getString("status")).as("job %s: %s", jobId, end.getString("message")).isEqualTo("completed");
            assertThat(app.measurements(jobId).getList("measurements")).isNotEmpty();
            // exactly one receipt line per photo received and per photo destroyed: no effect twice
            List<JsonNode> entries = App.receiptEntries(app.receipt(jobId, Duration.ofSeconds(60)));
            assertThat(entries).filteredOn(e -> "photo.received".equals(e.get("action").asText())).hasSize(2);
            assertThat(entries).filteredOn(e -> "photo.destroyed".equals(e.get("action").asText())).hasSize(2);
        });
        assertThat(suite.uploadDirFiles()).isEmpty();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReason() {
        Suite suite = Suite.get();
        String marker = "poison-" + UUID.randomUUID();
        KafkaRecords.publish(suite.kafka.bootstrapServers(), Topics.PHOTO_RECEIVED, marker, "{not an event " + marker);

        var dead = KafkaRecords.read(suite.kafka.bootstrapServers(), Topics.deadLetter(Topics.PHOTO_RECEIVED),
                r -> marker.equals(r.key()), l -> !l.isEmpty(), Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        Header reason = dead.get(0).headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER);
        assertThat(reason).as("the reason travels with it").isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
        // and vision goes on: the next job completes
        App app = new App(suite);
        app.grantConsent();
        String jobId = app.uploadAccepted(Photos.of(311), 175);
        assertThat(app.awaitEnd(jobId, Duration.ofMinutes(2)).getString("status")).isEqualTo("completed");
    }

    @Test
    void postgresRestartsReadinessShowsTheOutageAndEveryServiceRecoversByItself() {
        Suite suite = Suite.get();
        Set<String> sawNotReady = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> suite.postgres.restart(Duration.ofSeconds(8)));
        while (!restart.isDone()) {
            for (String service : WITH_DATABASE) {
                if (readiness(suite, service) != 200) {
                    sawNotReady.add(service);
                }
            }
            Suite.pause(250);
        }
        restart.join();
        assertThat(sawNotReady).as("services whose readiness showed the outage")
                .containsExactlyInAnyOrderElementsOf(WITH_DATABASE);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> WITH_DATABASE.stream().allMatch(s -> readiness(suite, s) == 200));
        // no manual step: a new subject goes through the whole flow
        App app = new App(suite);
        app.grantConsent();
        String jobId = app.uploadAccepted(Photos.of(321), 175);
        assertThat(app.awaitEnd(jobId, Duration.ofMinutes(2)).getString("status")).isEqualTo("completed");
        assertThat(app.measurements(jobId).getList("measurements")).isNotEmpty();
    }

    private static int readiness(Suite suite, String service) {
        try {
            return given().baseUri(suite.url(service)).get("/q/health/ready").statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
