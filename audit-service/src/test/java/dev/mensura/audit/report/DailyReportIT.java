package dev.mensura.audit.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A day of the log, written into a date no other test uses, read back as the compliance report:
 * photos received against destroyed, lifetimes, requests, purges, and the flags that need a human.
 */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "audit"))
class DailyReportIT {
    private static final String DAY = "2026-01-15";
    private static final String COMPLIANCE = TestTokens.withRoles("officer-cleo", "compliance");
    private static final String SUBJECT = "1ZHzQ9b_9ALJg9c3PeI8uLJ-E4t4-CjDkMalc-g_viQ";

    private static void append(String service, String time, String action, String resource, String correlation,
                               String details) {
        given().auth().oauth2(TestTokens.service(service)).contentType("application/json")
                .body("{\"eventId\":\"" + UUID.randomUUID() + "\",\"time\":\"" + DAY + "T" + time + "Z\",\"actor\":\""
                        + service + "\",\"action\":\"" + action + "\",\"resource\":\"" + resource + "\",\"outcome\":"
                        + "\"success\"" + (correlation == null ? "" : ",\"correlationId\":\"" + correlation + "\"")
                        + ",\"details\":" + details + "}")
                .post("/v1/audit/entries").then().statusCode(201);
    }

    @Test
    void theDayAddsUpAndItsFlagsAreRaised() {
        String jobA = "jobA" + UUID.randomUUID().toString().replace("-", "");
        String jobB = "jobB" + UUID.randomUUID().toString().replace("-", "");
        String received = "{\"sizeBytes\":5000,\"subject\":\"" + SUBJECT + "\"}";
        append("ingest-service", "09:00:00", "photo.received", "job:" + jobA + "/photo:front", null, received);
        append("ingest-service", "09:00:00", "photo.received", "job:" + jobA + "/photo:side", null, received);
        append("ingest-service", "09:00:02", "photo.destroyed", "job:" + jobA + "/photo:front", null,
                "{\"lifetimeMs\":2000,\"reason\":\"vision-completed\"}");
        append("ingest-service", "09:00:03", "photo.destroyed", "job:" + jobA + "/photo:side", null,
                "{\"lifetimeMs\":3000,\"reason\":\"vision-completed\"}");
        // Job B: its front lived too long, its side has no destruction at all.
        append("ingest-service", "10:00:00", "photo.received", "job:" + jobB + "/photo:front", null, received);
        append("ingest-service", "10:00:00", "photo.received", "job:" + jobB + "/photo:side", null, received);
        append("ingest-service", "10:06:40", "photo.destroyed", "job:" + jobB + "/photo:front", null,
                "{\"lifetimeMs\":400000,\"reason\":\"lifetime-exceeded\"}");
        String request = UUID.randomUUID().toString();
        append("privacy-service", "11:00:00", "subject.erasure.requested", "subject:" + SUBJECT + "/dsr:" + request,
                request, "{\"reason\":\"subject-request\"}");
        append("privacy-service", "11:00:01", "subject.erasure.completed", "subject:" + SUBJECT + "/dsr:" + request,
                request, "{}");
        append("ingest-service", "12:00:00", "retention.purged", "category:job-history", null,
                "{\"category\":\"job-history\",\"rows\":7,\"olderThanDays\":90}");
        append("ingest-service", "12:00:05", "auth.failed", "endpoint:upload", null, "{\"reason\":\"expired-token\"}");

        given().auth().oauth2(COMPLIANCE).get("/v1/audit/reports/daily?date=" + DAY).then().statusCode(200)
                .body("photos.received", equalTo(4)).body("photos.destroyedOfReceived", equalTo(3))
                .body("photos.unaccounted", equalTo(1)).body("photos.destructionsThatDay", equalTo(3))
                .body("lifetimes.count", equalTo(3)).body("lifetimes.p50Ms", equalTo(3000))
                .body("lifetimes.maxMs", equalTo(400000)).body("lifetimes.overLimit", equalTo(1))
                .body("requests.erasure.requested", equalTo(1)).body("requests.erasure.completed", equalTo(1))
                .body("requests.erasure.meanDurationMs", equalTo(1000)).body("requests.export.requested", equalTo(0))
                .body("purges.job-history.rows", equalTo(7)).body("authFailures.ingest-service", equalTo(1))
                .body("flags", hasItems("received-not-destroyed", "lifetime-over-limit"));

        given().auth().oauth2(COMPLIANCE).get("/v1/audit/reports/daily?date=" + DAY + "&format=csv").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("photos.received,,4\n")).body(containsString("flag,received-not-destroyed,1\n"));

        // The alert metric counts the photo nobody destroyed.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(given().get("/q/metrics").asString()
                .lines().filter(l -> l.startsWith("audit_photos_unaccounted ")).findFirst().orElse("x 0")
                .split(" ")[1]).isNotEqualTo("0.0"));

        given().auth().oauth2(COMPLIANCE).get("/v1/audit/reports/daily?date=15.01.2026").then().statusCode(400)
                .body("type", equalTo("https://mensura.dev/problems/invalid-report-date"));
        given().auth().oauth2(TestTokens.subject("someone")).get("/v1/audit/reports/daily").then().statusCode(403);
    }
}
