package dev.mensura.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.events.EventCodec;
import dev.mensura.testkit.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * What a mobile or web app does for one subject, over the public API of blueprint §9 only. Every
 * response body it sees is kept for the canary sweep (no photo byte may ever come back).
 */
final class App {
    private static final List<byte[]> RESPONSES = new CopyOnWriteArrayList<>();
    /** How often a status is asked for: under the per-subject limit of ingest and privacy (120 a minute). */
    private static final Duration POLL = Duration.ofSeconds(1);

    final String subject;
    private final Suite suite;

    App(Suite suite) {
        this(suite, "subject-" + UUID.randomUUID());
    }

    App(Suite suite, String subject) {
        this.suite = suite;
        this.subject = subject;
    }

    static List<byte[]> responsesSeen() {
        return List.copyOf(RESPONSES);
    }

    RequestSpecification as(String service) {
        return given().baseUri(suite.url(service)).auth().oauth2(TestTokens.subject(subject));
    }

    void grantConsent() {
        keep(as("privacy").contentType("application/json").body("{\"granted\": true}")
                .put("/v1/subjects/me/consents/body-measurement")).then().statusCode(200);
    }

    /** {@code POST /v1/jobs}: the raw answer (202, or 429 beyond capacity, or a problem). */
    Response upload(Photos.Pair photos, int heightCm) {
        return keep(as("ingest")
                .multiPart("front", "front.jpg", photos.front(), "image/jpeg")
                .multiPart("side", "side.jpg", photos.side(), "image/jpeg")
                .multiPart("heightCm", Integer.toString(heightCm))
                .multiPart("blurFaces", "false")
                .post("/v1/jobs"));
    }

    String uploadAccepted(Photos.Pair photos, int heightCm) {
        return upload(photos, heightCm).then().statusCode(202).extract().path("id");
    }

    JsonPath job(String jobId) {
        return keep(as("ingest").get("/v1/jobs/" + jobId)).then().statusCode(200).extract().jsonPath();
    }

    /**
     * Polls the job until it has ended (completed or failed), once a second, as a well-behaved app
     * does: the public API is rate limited per subject (a 429 here just means "wait").
     */
    JsonPath awaitEnd(String jobId, Duration atMost) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(atMost).pollInterval(POLL).until(() -> {
            Response r = keep(as("ingest").get("/v1/jobs/" + jobId));
            if (r.statusCode() == 429) {
                return false;
            }
            last[0] = r.then().statusCode(200).extract().jsonPath();
            String status = last[0].getString("status");
            return "completed".equals(status) || "failed".equals(status);
        });
        return last[0];
    }

    /**
     * Follows {@code GET /v1/jobs/{id}/events} (SSE) until the server ends the stream, which it
     * does when the job ends; returns each event's data.
     */
    List<JsonNode> followProgress(String jobId, Duration atMost) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.url("ingest") + "/v1/jobs/" + jobId + "/events"))
                .header("Authorization", "Bearer " + TestTokens.subject(subject))
                .header("Accept", "text/event-stream").timeout(atMost).GET().build();
        try {
            HttpResponse<Stream<String>> response = suite.http().send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new AssertionError("progress stream answered " + response.statusCode());
            }
            List<String> lines = response.body().toList();
            RESPONSES.add(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return lines.stream().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).trim())
                    .map(App::json).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonPath measurements(String jobId) {
        return keep(as("fitting").get("/v1/jobs/" + jobId + "/measurements")).then().statusCode(200)
                .extract().jsonPath();
    }

    byte[] model(String jobId) {
        return keep(as("fitting").get("/v1/jobs/" + jobId + "/model.glb")).then().statusCode(200)
                .contentType("model/gltf-binary").extract().asByteArray();
    }

    /** The portability zip: 202 while it is gathered, then 200 with the zip. */
    byte[] export(Duration atMost) {
        byte[][] zip = new byte[1][];
        await().atMost(atMost).pollInterval(POLL).until(() -> {
            Response r = keep(as("privacy").get("/v1/subjects/me/export"));
            if (r.statusCode() == 200) {
                zip[0] = r.asByteArray();
                return true;
            }
            if (r.statusCode() != 202) {
                throw new AssertionError("export answered " + r.statusCode() + ": " + r.asString());
            }
            return false;
        });
        return zip[0];
    }

    /**
     * The job's destruction receipt once it accounts for both photos: 409 until a signed checkpoint
     * covers the job's entries, and the destructions reach the log shortly after the job ends.
     */
    String receipt(String jobId, Duration atMost) {
        String[] body = new String[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            Response r = keep(as("audit").get("/v1/jobs/" + jobId + "/receipt"));
            if (r.statusCode() == 200) {
                body[0] = r.asString();
                return receiptEntries(body[0]).stream()
                        .filter(e -> "photo.destroyed".equals(e.get("action").asText())).count() >= 2;
            }
            if (r.statusCode() != 409 && r.statusCode() != 404) {
                throw new AssertionError("receipt answered " + r.statusCode() + ": " + r.asString());
            }
            return false;
        });
        return body[0];
    }

    /** {@code DELETE /v1/subjects/me}, then the request's status until it has completed. */
    JsonPath eraseAndAwait(Duration atMost) {
        Response accepted = keep(as("privacy").delete("/v1/subjects/me"));
        accepted.then().statusCode(202);
        String location = accepted.header("Location");
        String path = URI.create(location).getPath();
        JsonPath[] last = new JsonPath[1];
        await().atMost(atMost).pollInterval(POLL).until(() -> {
            last[0] = keep(as("privacy").get(path)).then().statusCode(200).extract().jsonPath();
            return "completed".equals(last[0].getString("status"));
        });
        return last[0];
    }

    /** The audit entries a receipt proves. */
    static List<JsonNode> receiptEntries(String receipt) {
        List<JsonNode> entries = new java.util.ArrayList<>();
        json(receipt).get("entries").forEach(e -> entries.add(e.get("entry")));
        return entries;
    }

    static Response keep(Response response) {
        RESPONSES.add(response.asByteArray());
        return response;
    }

    private static JsonNode json(String text) {
        try {
            return EventCodec.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
