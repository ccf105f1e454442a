package dev.mensura.audit.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mensura.auditverifier.AuditVerifier;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a regulator does: take the published key, export the log from the running service (or let
 * the verifier fetch it), verify it offline; then change one entry of the export and see the
 * verifier name it.
 */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "audit"))
class OfflineVerificationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPLIANCE = TestTokens.withRoles("officer-cleo", "compliance");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theExportVerifiesOfflineAndATamperedCopyNamesItsFirstBadIndex(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(TestTokens.service("ingest-service")).contentType("application/json")
                    .body("{\"eventId\":\"" + UUID.randomUUID() + "\",\"time\":\"2026-11-23T10:00:00Z\","
                            + "\"actor\":\"ingest-service\",\"action\":\"photo.destroyed\",\"resource\":\"job:j" + i
                            + "/photo:front\",\"outcome\":\"success\",\"details\":{\"lifetimeMs\":" + (900 + i) + "}}")
                    .post("/v1/audit/entries").then().statusCode(201);
        }
        // Wait for a checkpoint that covers every entry.
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            var export = JSON.readTree(given().auth().oauth2(COMPLIANCE).get("/v1/audit/export").asString());
            String last = export.get("checkpoints").get(export.get("checkpoints").size() - 1).asText();
            return last.split("\n")[1].equals(Integer.toString(export.get("entries").size()));
        });
        Path keys = Files.writeString(dir.resolve("keys.txt"), given().get("/v1/audit/public-key").asString());
        Path token = Files.writeString(dir.resolve("token"), COMPLIANCE);
        Path saved = Files.writeString(dir.resolve("saved.note"), given().get("/v1/audit/checkpoint").asString());
        String exported = given().auth().oauth2(COMPLIANCE).get("/v1/audit/export").then().statusCode(200)
                .extract().asString();
        Path good = Files.writeString(dir.resolve("log.json"), exported);

        assertThat(run("log", "--keys", keys.toString(), "--export", good.toString(), "--checkpoint", saved.toString()))
                .isEqualTo(AuditVerifier.VERIFIED);
        assertThat(run("log", "--keys", keys.toString(), "--url", base.toString(), "--token-file", token.toString()))
                .isEqualTo(AuditVerifier.VERIFIED);

        ObjectNode tampered = (ObjectNode) JSON.readTree(exported);
        int victim = tampered.get("entries").size() - 2;
        ((ObjectNode) tampered.get("entries").get(victim).get("entry").get("details")).put("lifetimeMs", 299_000);
        Path bad = dir.resolve("tampered.json");
        JSON.writeValue(bad.toFile(), tampered);
        var err = new ByteArrayOutputStream();
        assertThat(AuditVerifier.run(new String[] {"log", "--keys", keys.toString(), "--export", bad.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("first bad index: " + victim);
    }

    private static int run(String... args) {
        var err = new ByteArrayOutputStream();
        int code = AuditVerifier.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isIn(AuditVerifier.VERIFIED, AuditVerifier.TAMPERED);
        return code;
    }
}
