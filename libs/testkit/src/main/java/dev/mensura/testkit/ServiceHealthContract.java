package dev.mensura.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every Mensura service serves (blueprint §9): live and ready health, metrics, OpenAPI.
 * A service's {@code @QuarkusTest} extends this and names its liveness check.
 */
public abstract class ServiceHealthContract {

    /** The name of the service's own liveness check. */
    protected abstract String livenessCheck();

    @Test
    void liveAndReadyAnswerUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(livenessCheck()));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
