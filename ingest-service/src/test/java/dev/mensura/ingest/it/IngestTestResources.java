package dev.mensura.ingest.it;

import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.PrivacyServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every ingest test runs against the real PostgreSQL and Kafka from testkit and the real
 * privacy-service jar (the consent check is part of what is tested).
 */
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
@QuarkusTestResource(PrivacyServiceResource.class)
public final class IngestTestResources {
    private IngestTestResources() {
    }
}
