package dev.mensura.vision.it;

import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.PrivacyServiceResource;
import dev.mensura.testkit.ServiceEnv;
import dev.mensura.testkit.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real ingest-service next to vision under test: the photos come in through its upload, its
 * hand-over and its destruction, as in production. Built before vision by the reactor (vision's
 * pom names it), started once per JVM.
 */
final class IngestNeighbour {
    static final Path UPLOAD_DIR = Path.of("/dev/shm/mensura-vision-it-ingest");

    private IngestNeighbour() {
    }

    static ServiceProcess get() {
        Path jar = Path.of("../ingest-service/target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build ingest-service first");
        }
        Map<String, String> env = ServiceEnv.common(EmbeddedPostgres.get().createDatabase("mensura_ingest"));
        env.put("MENSURA_PRIVACY_URL", PrivacyServiceResource.service(null).url());
        env.put("MENSURA_INGEST_UPLOAD_DIR", UPLOAD_DIR.toString());
        return ServiceProcess.shared("ingest-service", jar, env);
    }
}
