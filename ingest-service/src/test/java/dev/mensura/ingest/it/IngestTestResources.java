package dev.mensura.ingest.it;

import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.PrivacyServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every ingest test runs against the real PostgreSQL and Kafka from testkit and the real
 * privacy-service jar (the consent check is part of what is tested).
 */
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = {
        @ResourceArg(name = "database", value = "ingest"),
        @ResourceArg(name = "topics", value = "photo.received,vision.completed,vision.failed,job.progress,audit.events,"
                + "photo.received.dlq,vision.completed.dlq,vision.failed.dlq,job.progress.dlq,audit.events.dlq")})
@QuarkusTestResource(PrivacyServiceResource.class)
public final class IngestTestResources {
    private IngestTestResources() {
    }
}
