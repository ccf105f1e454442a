package dev.mensura.fitting;

import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.ServiceHealthContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "fitting"))
class HealthTest extends ServiceHealthContract {

    @Override
    protected String livenessCheck() {
        return "fitting-service";
    }
}
