package dev.mensura.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.testkit.TestTokens;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The public endpoints of ingest, privacy, fitting and audit limit each client: a burst above the limit gets 429
 * problem+json with Retry-After (and RateLimit headers), while another client is unaffected.
 */
@Order(1)
class EdgeRateLimitIT {

    @Test
    void aBurstAboveTheLimitIsToldToWaitAndOtherClientsAreUnaffected() {
        Suite suite = Suite.get();
        for (String[] target : new String[][] {{"privacy", "/v1/subjects/me/consents"},
                {"ingest", "/v1/jobs/" + UUID.randomUUID()},
                {"fitting", "/v1/jobs/" + UUID.randomUUID() + "/measurements"},
                {"audit", "/v1/jobs/" + UUID.randomUUID() + "/receipt"}}) {
            String flooding = TestTokens.subject("flood-" + UUID.randomUUID());
            List<Response> answers = new ArrayList<>();
            for (int i = 0; i < Suite.RATE_LIMIT_BURST + 10; i++) {
                answers.add(given().baseUri(suite.url(target[0])).auth().oauth2(flooding).get(target[1]));
            }
            List<Response> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
            assertThat(refused).as(target[0] + ": refused beyond the burst").isNotEmpty();
            assertThat(answers.subList(0, Suite.RATE_LIMIT_BURST / 2)).as(target[0] + ": the first half of the burst")
                    .allSatisfy(r -> assertThat(r.statusCode()).isNotEqualTo(429));
            Response first = answers.get(0);
            assertThat(first.header("RateLimit-Limit")).isEqualTo(Integer.toString(Suite.RATE_LIMIT_BURST));
            assertThat(first.header("RateLimit-Remaining")).isNotNull();
            refused.forEach(r -> {
                assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.jsonPath().getString("type")).isEqualTo("https://mensura.dev/problems/rate-limited");
                assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            });

            String calm = TestTokens.subject("calm-" + UUID.randomUUID());
            Response other = given().baseUri(suite.url(target[0])).auth().oauth2(calm).get(target[1]);
            assertThat(other.statusCode()).as(target[0] + ": another client").isNotEqualTo(429);
        }
    }
}
