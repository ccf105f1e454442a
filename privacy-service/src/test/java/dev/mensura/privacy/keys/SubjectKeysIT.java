package dev.mensura.privacy.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-subject keys against the real PostgreSQL and real Tink (I5). */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = {
        @ResourceArg(name = "database", value = "privacy")})
class SubjectKeysIT {
    private static final byte[] RECORD = "stated height 181 cm".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AD = "ingest.job.height_cm".getBytes(StandardCharsets.UTF_8);

    @Inject
    SubjectKeys keys;

    @BeforeAll
    static void tink() throws GeneralSecurityException {
        AeadConfig.register();
    }

    private static String pseudonym() throws Exception {
        return pseudonymOf("subject-" + UUID.randomUUID());
    }

    private static String pseudonymOf(String sub) throws Exception {
        return Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile()).pseudonym("subject", sub);
    }

    private static String keysetJson(String pseudonym) {
        return given().auth().oauth2(TestTokens.service("ingest-service")).get("/internal/keys/" + pseudonym)
                .then().statusCode(200).header("Cache-Control", "no-store").extract().path("keyset");
    }

    private static Aead aead(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()).getPrimitive(Aead.class);
    }

    @Test
    void aSubjectKeepsOneKeyStoredOnlyWrapped() throws Exception {
        String subject = pseudonym();
        String first = keysetJson(subject);
        byte[] ciphertext = aead(first).encrypt(RECORD, AD);

        assertThat(aead(keysetJson(subject)).decrypt(ciphertext, AD)).isEqualTo(RECORD);
        byte[] stored = wrappedKeyset(subject);
        assertThat(stored).isNotNull();
        String keyMaterial = TinkJsonProtoKeysetFormat.parseKeyset(first, InsecureSecretKeyAccess.get())
                .getPrimary().getKey().toString();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(first).doesNotContain(keyMaterial);
    }

    @Test
    void destroyingTheKeyShredsTheDataAndNewConsentStartsAFreshKey() throws Throwable {
        String sub = "subject-" + UUID.randomUUID();
        String subject = pseudonymOf(sub);
        byte[] ciphertext = aead(keysetJson(subject)).encrypt(RECORD, AD);

        assertThat(VertxContextSupport.subscribeAndAwait(() -> keys.destroy(subject))).isTrue();

        assertThat(wrappedKeyset(subject)).isNull();
        given().auth().oauth2(TestTokens.service("fitting-service")).get("/internal/keys/" + subject)
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://mensura.dev/problems/subject-erased"));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> keys.destroy(subject))).as("idempotent").isFalse();

        given().auth().oauth2(TestTokens.subject(sub)).contentType("application/json").body("{\"granted\": true}")
                .put("/v1/subjects/me/consents/body-measurement").then().statusCode(200);
        Aead fresh = aead(keysetJson(subject));
        assertThatThrownBy(() -> fresh.decrypt(ciphertext, AD)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void rewrapKeepsEveryKeyUsable() throws Exception {
        String subject = pseudonym();
        byte[] ciphertext = aead(keysetJson(subject)).encrypt(RECORD, AD);
        byte[] before = wrappedKeyset(subject);

        int rewrapped = given().auth().oauth2(TestTokens.withRoles("ops", "operator")).post("/v1/admin/keys/rewrap")
                .then().statusCode(200).extract().path("rewrapped");

        assertThat(rewrapped).isPositive();
        assertThat(wrappedKeyset(subject)).isNotEqualTo(before);
        assertThat(aead(keysetJson(subject)).decrypt(ciphertext, AD)).isEqualTo(RECORD);
    }

    @Test
    void onlyServicesGetKeysAndOnlyOperatorsRewrap() throws Exception {
        String subject = pseudonym();
        given().auth().oauth2(TestTokens.subject("someone")).get("/internal/keys/" + subject).then().statusCode(403);
        given().get("/internal/keys/" + subject).then().statusCode(401);
        given().auth().oauth2(TestTokens.service("vision-service")).get("/internal/keys/not-a-pseudonym")
                .then().statusCode(400).body("type", equalTo("https://mensura.dev/problems/invalid-pseudonym"));
        given().auth().oauth2(TestTokens.service("vision-service")).post("/v1/admin/keys/rewrap").then().statusCode(403);
    }

    private static byte[] wrappedKeyset(String subject) throws Exception {
        try (Connection c = EmbeddedPostgres.get().connect("mensura_privacy");
             PreparedStatement s = c.prepareStatement("select wrapped_keyset from subject_key where subject_pseudonym = ?")) {
            s.setString(1, subject);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        }
    }
}
