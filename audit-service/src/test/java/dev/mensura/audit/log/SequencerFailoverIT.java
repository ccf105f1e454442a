package dev.mensura.audit.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The sequencing replica dies in the middle of an append while the other replica's appends wait
 * for the sequencer lock. What PostgreSQL sees of a replica killed with SIGKILL is its connection
 * dropping; the test produces exactly that with {@code pg_terminate_backend} on a connection that
 * holds the lock and an uncommitted row, as a replica's append would. (Killing a second service
 * process outright is part of the end-to-end fault suite.) Then: the waiting appends go on, the
 * dead replica's uncommitted entry is gone, its client's retry appends it once, and no index is
 * lost or used twice.
 */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "audit"))
class SequencerFailoverIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AuditLog log;

    @Inject
    LogTree tree;

    private static AuditEntry entry(String eventId) {
        return EntryPolicy.accept(eventId, "/mensura/test", JSON.valueToTree(Map.of("time", Instant.now().toString(),
                "actor", "test-service", "action", "test.failover", "resource", "test:failover", "outcome", "success")));
    }

    @Test
    void killingTheSequencerMidAppendLosesAndDuplicatesNothing() throws Exception {
        String dying = "dying-" + UUID.randomUUID();
        Connection replica = EmbeddedPostgres.get().connect("mensura_audit");
        replica.setAutoCommit(false);
        int pid;
        try (ResultSet rs = replica.createStatement().executeQuery("select pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        try (PreparedStatement lock = replica.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LogStore.SEQUENCER_LOCK);
            lock.execute();
        }
        AuditEntry doomed = entry(dying);
        try (PreparedStatement insert = replica.prepareStatement("insert into log_entry (idx, event_id, entry, leaf_hash,"
                + " appended_at) select coalesce(max(idx) + 1, 0), ?, ?, ?, now() from log_entry")) {
            insert.setString(1, dying);
            insert.setBytes(2, doomed.canonical());
            insert.setBytes(3, dev.mensura.tlog.Hashes.leaf(doomed.canonical()));
            insert.executeUpdate();
        }

        // The surviving replica's appends queue behind the lock.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add("survivor-" + UUID.randomUUID());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<LogStore.Appended>> appends = ids.stream()
                .map(id -> CompletableFuture.supplyAsync(() -> log.append(entry(id)), pool)).toList();
        Thread.sleep(500);
        assertThat(appends).noneMatch(CompletableFuture::isDone);

        try (Connection admin = EmbeddedPostgres.get().connect("mensura_audit");
             PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?)")) {
            kill.setInt(1, pid);
            kill.execute();
        }
        assertThatThrownBy(replica::commit).as("the dead replica's transaction").isInstanceOf(java.sql.SQLException.class);
        replica.close();

        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(30,
                java.util.concurrent.TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(eventCount(dying)).as("the uncommitted entry of the dead replica").isZero();

        // Its client never got an answer, so it retries (on the surviving replica): appended once.
        String body = "{\"eventId\":\"" + dying + "\",\"time\":\"" + Instant.now() + "\",\"actor\":\"test-service\","
                + "\"action\":\"test.failover\",\"resource\":\"test:failover\",\"outcome\":\"success\"}";
        given().auth().oauth2(TestTokens.service("test-service")).contentType("application/json").body(body)
                .post("/v1/audit/entries").then().statusCode(201);
        given().auth().oauth2(TestTokens.service("test-service")).contentType("application/json").body(body)
                .post("/v1/audit/entries").then().statusCode(200);

        assertThat(eventCount(dying)).isEqualTo(1);
        Set<Long> indexes = new HashSet<>();
        for (var done : appends) {
            assertThat(indexes.add(done.get().index())).isTrue();
        }
        try (Connection c = EmbeddedPostgres.get().connect("mensura_audit");
             ResultSet rs = c.createStatement().executeQuery("select count(*), count(distinct idx), max(idx) from log_entry")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2)).isEqualTo(rs.getLong(3) + 1);
        }
        for (String id : ids) {
            assertThat(eventCount(id)).as(id).isEqualTo(1);
        }
        // And the log still signs what it holds.
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get("/v1/audit/checkpoint").asString()
                .split("\n")[1].equals(Long.toString(tree.refresh())));
    }

    private static long eventCount(String eventId) throws Exception {
        try (Connection c = EmbeddedPostgres.get().connect("mensura_audit");
             PreparedStatement ps = c.prepareStatement("select count(*) from log_entry where event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
