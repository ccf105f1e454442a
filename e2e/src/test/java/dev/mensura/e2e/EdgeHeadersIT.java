package dev.mensura.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.events.EventCodec;
import dev.mensura.testkit.TestTokens;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of every running service answers with the edge's security headers (libs/edge),
 * found by walking each service's own OpenAPI document: called without a token and with a fresh
 * subject's token, whatever the status (200, 400, 401, 403, 404 ...), since an error page is a
 * response too. Whatever is under /v1 is never cached, but for the few public documents that are
 * the same for everyone. A foreign origin gets no CORS grant.
 */
@Order(1)
class EdgeHeadersIT {
    private static final Map<String, String> EVERY_RESPONSE = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");
    private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "patch");
    /** Public and the same for everyone (no personal data): these may be cached. */
    private static final java.util.Set<String> PUBLIC = java.util.Set.of("/v1/privacy-notice", "/v1/audit/checkpoint",
            "/v1/audit/public-key");

    @Test
    void everyEndpointOfEveryServiceAnswersWithTheSecurityHeaders() throws IOException {
        Suite suite = Suite.get();
        List<String> checked = new ArrayList<>();
        for (String service : Suite.SERVICES) {
            String base = suite.url(service);
            String openapi = given().baseUri(base).get("/q/openapi?format=json").then().statusCode(200)
                    .extract().asString();
            JsonNode paths = EventCodec.mapper().readTree(openapi).get("paths");
            assertThat(paths).as(service + " documents its API").isNotNull();
            List<String[]> calls = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (String op : OPERATIONS) {
                    if (path.getValue().has(op)) {
                        calls.add(new String[] {op, concrete(path.getKey())});
                    }
                }
            }
            calls.add(new String[] {"get", "/q/health/ready"});
            calls.add(new String[] {"get", "/q/metrics"});
            calls.add(new String[] {"get", "/does-not-exist"});
            String subject = "edge-" + UUID.randomUUID();
            for (String[] call : calls) {
                for (boolean withToken : new boolean[] {false, true}) {
                    RequestSpecification request = given().baseUri(base).redirects().follow(false);
                    if (withToken) {
                        request = request.auth().oauth2(TestTokens.subject(subject));
                    }
                    Response r = request.request(Method.valueOf(call[0].toUpperCase()), call[1]);
                    String where = service + " " + call[0].toUpperCase() + " " + call[1]
                            + (withToken ? " (subject)" : " (no token)") + " -> " + r.statusCode();
                    EVERY_RESPONSE.forEach((name, value) ->
                            assertThat(r.header(name)).as(where + ": " + name).isEqualTo(value));
                    assertThat(r.header("Content-Security-Policy")).as(where + ": CSP").contains("default-src 'none'")
                            .contains("frame-ancestors 'none'");
                    assertThat(r.header("Strict-Transport-Security")).as(where + ": HSTS").startsWith("max-age=");
                    if (call[1].startsWith("/v1/") && !PUBLIC.contains(call[1])) {
                        assertThat(r.header("Cache-Control")).as(where + ": Cache-Control").isEqualTo("no-store");
                    }
                    checked.add(where);
                }
            }
        }
        assertThat(checked).as("responses checked").hasSizeGreaterThan(60);
    }

    @Test
    void aForeignOriginGetsNoCorsGrant() {
        Suite suite = Suite.get();
        for (String service : List.of("ingest", "privacy", "fitting", "audit")) {
            Response preflight = given().baseUri(suite.url(service))
                    .header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization")
                    .options("/v1/jobs/" + UUID.randomUUID());
            assertThat(preflight.header("Access-Control-Allow-Origin")).as(service).isNull();
            Response simple = given().baseUri(suite.url(service)).header("Origin", "https://evil.example")
                    .auth().oauth2(TestTokens.subject("edge-" + UUID.randomUUID())).get("/v1/jobs/" + UUID.randomUUID());
            assertThat(simple.header("Access-Control-Allow-Origin")).as(service).isNull();
        }
    }

    @Test
    void aBodyAboveTheServicesLimitIsRefusedAndIngestTakesTwoPhotosWorth() {
        Suite suite = Suite.get();
        byte[] tooBig = new byte[300 * 1024]; // above the 256 KiB every service but ingest takes (libs/edge)
        java.util.Arrays.fill(tooBig, (byte) ' ');
        Response consent = given().baseUri(suite.url("privacy")).contentType("application/json").body(tooBig)
                .auth().oauth2(TestTokens.subject("edge-" + UUID.randomUUID()))
                .put("/v1/subjects/me/consents/body-measurement");
        assertThat(consent.statusCode()).as("privacy").isEqualTo(413);
        Response entry = given().baseUri(suite.url("audit")).contentType("application/json").body(tooBig)
                .auth().oauth2(TestTokens.service("ingest-service")).post("/v1/audit/entries");
        assertThat(entry.statusCode()).as("audit").isEqualTo(413);
        // ingest's own limit is for two photos: the same body is not refused for its size there
        Response ingest = given().baseUri(suite.url("ingest")).contentType("application/json").body(tooBig)
                .auth().oauth2(TestTokens.subject("edge-" + UUID.randomUUID())).post("/v1/jobs");
        assertThat(ingest.statusCode()).isNotEqualTo(413).isLessThan(500);
    }

    /** An OpenAPI path with its parameters filled: a random UUID for ids, a plain word otherwise. */
    private static String concrete(String template) {
        return template.replaceAll("\\{(id|jobId|requestId|subject|subjectPseudonym)}", UUID.randomUUID().toString())
                .replaceAll("\\{[^}]+}", "x");
    }
}
