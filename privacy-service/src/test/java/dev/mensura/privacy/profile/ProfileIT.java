package dev.mensura.privacy.profile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rectification (Art. 16) of the profile, sealed with the subject's key (I5), gone with erasure. */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "privacy"))
class ProfileIT {
    private static final String ME = "/v1/subjects/me";

    @Test
    void rectifiedFieldsAreStoredSealedAndARefitIsOfferedNotForced() throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        String token = TestTokens.subject(sub);
        given().auth().oauth2(token).get(ME).then().statusCode(200).body("profile.statedHeightCm", nullValue());

        given().auth().oauth2(token).contentType("application/merge-patch+json").body("{\"statedHeightCm\": 183}")
                .patch(ME).then().statusCode(200).body("profile.statedHeightCm", equalTo(183))
                .body("refitOffered", equalTo(true));
        given().auth().oauth2(token).contentType("application/merge-patch+json").body("{\"preferredUnits\": \"imperial\"}")
                .patch(ME).then().statusCode(200).body("profile.statedHeightCm", equalTo(183))
                .body("profile.preferredUnits", equalTo("imperial")).body("refitOffered", equalTo(false));
        given().auth().oauth2(token).get(ME).then().body("profile.statedHeightCm", equalTo(183));

        byte[] sealed = sealedProfile(Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile())
                .pseudonym("subject", sub));
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("183").doesNotContain("imperial");

        // Erasure takes the profile with it; DELETE on the same path still starts the saga.
        given().auth().oauth2(token).delete(ME).then().statusCode(202);
        given().auth().oauth2(token).get(ME).then().statusCode(200).body("profile.statedHeightCm", nullValue());
    }

    @Test
    void invalidValuesAreProblemsAndChangeNothing() {
        String token = TestTokens.subject("subject-" + UUID.randomUUID());
        given().auth().oauth2(token).contentType("application/json").body("{\"statedHeightCm\": 20}").patch(ME)
                .then().statusCode(400).body("type", equalTo("https://mensura.dev/problems/invalid-profile"));
        given().auth().oauth2(token).contentType("application/json").body("{\"preferredUnits\": \"cubits\"}").patch(ME)
                .then().statusCode(400);
        given().auth().oauth2(token).contentType("application/json").body("{}").patch(ME).then().statusCode(400);
        given().auth().oauth2(token).get(ME).then().body("profile.statedHeightCm", nullValue());
        given().contentType("application/json").body("{\"statedHeightCm\": 170}").patch(ME).then().statusCode(401);
    }

    private static byte[] sealedProfile(String subject) throws Exception {
        try (Connection c = EmbeddedPostgres.get().connect("mensura_privacy");
             PreparedStatement s = c.prepareStatement("select sealed_profile from subject_profile where subject_pseudonym = ?")) {
            s.setString(1, subject);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        }
    }
}
