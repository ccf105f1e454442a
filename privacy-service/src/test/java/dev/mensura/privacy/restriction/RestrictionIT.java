package dev.mensura.privacy.restriction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.Topics;
import dev.mensura.events.data.RestrictionChanged;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.KafkaBroker;
import dev.mensura.testkit.KafkaRecords;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Restriction of processing (Art. 18) against real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "privacy"))
class RestrictionIT {
    private static final String PATH = "/v1/subjects/me/restriction";

    @Test
    void restrictionIsCheckedAnnouncedAndLiftedOnlyExplicitly() throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        String subject = Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile()).pseudonym("subject", sub);
        String check = "/internal/consents/" + subject + "/body-measurement";
        given().auth().oauth2(TestTokens.subject(sub)).contentType("application/json").body("{\"granted\": true}")
                .put("/v1/subjects/me/consents/body-measurement").then().statusCode(200);
        given().auth().oauth2(TestTokens.service("ingest-service")).get(check).then()
                .body("granted", equalTo(true)).body("restricted", equalTo(false));

        given().auth().oauth2(TestTokens.subject(sub)).post(PATH).then().statusCode(200)
                .body("restricted", equalTo(true)).body("since", notNullValue());
        given().auth().oauth2(TestTokens.subject(sub)).post(PATH).then().statusCode(200).body("restricted", equalTo(true));
        given().auth().oauth2(TestTokens.service("ingest-service")).get(check).then().body("restricted", equalTo(true));
        given().auth().oauth2(TestTokens.subject("subject-" + UUID.randomUUID())).get(PATH).then()
                .body("restricted", equalTo(false));

        var announced = KafkaRecords.read(KafkaBroker.get().bootstrapServers(), Topics.SUBJECT_RESTRICTION,
                r -> subject.equals(r.key()), l -> !l.isEmpty(), Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        assertThat(EventCodec.decode(announced.get(0).value(), RestrictionChanged.class,
                EventTypes.SUBJECT_RESTRICTION_CHANGED).data().restricted()).isTrue();

        given().auth().oauth2(TestTokens.subject(sub)).delete(PATH).then().statusCode(200).body("restricted", equalTo(false));
        given().auth().oauth2(TestTokens.service("ingest-service")).get(check).then()
                .body("restricted", equalTo(false)).body("granted", equalTo(true));
        var lifted = KafkaRecords.read(KafkaBroker.get().bootstrapServers(), Topics.SUBJECT_RESTRICTION,
                r -> subject.equals(r.key()), l -> l.size() >= 2, Duration.ofSeconds(20));
        assertThat(EventCodec.decode(lifted.get(1).value(), RestrictionChanged.class).data().restricted()).isFalse();
    }

    @Test
    void onlyTheSubjectItselfRestricts() {
        given().post(PATH).then().statusCode(401);
        given().auth().oauth2(TestTokens.service("ingest-service")).post(PATH).then().statusCode(403);
    }
}
