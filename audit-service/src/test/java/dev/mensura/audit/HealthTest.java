package dev.mensura.audit;

import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.ServiceHealthContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "audit"))
class HealthTest extends ServiceHealthContract {

    @Override
    protected String livenessCheck() {
        return "audit-service";
    }
}
