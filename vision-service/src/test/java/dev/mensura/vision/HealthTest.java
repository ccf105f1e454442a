package dev.mensura.vision;

import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.ServiceHealthContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, restrictToAnnotatedClass = true)
class HealthTest extends ServiceHealthContract {

    @Override
    protected String livenessCheck() {
        return "vision-service";
    }
}
