package dev.mensura.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quarkus test resource that runs the real privacy-service next to the service under test (for
 * ingest-service's tests), from {@code <repo>/privacy-service/target/quarkus-app/quarkus-run.jar}:
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(MensuraInfraResource.class) // with its init args
 * @QuarkusTestResource(PrivacyServiceResource.class)
 * class ConsentGateIT { ... }
 * }</pre>
 *
 * <p>One privacy-service per JVM ({@link ServiceProcess#shared}), stopped at exit, so
 * {@link #stop()} does nothing. It uses database {@value #DATABASE} on this JVM's
 * {@link EmbeddedPostgres}, this JVM's {@link DevKeys} (so {@link TestTokens} verify there too) and
 * the pseudonym keyset, the KEK and this JVM's Kafka broker (the erasure saga). The returned configuration points the REST client
 * {@code privacy} at it through {@value #TEST_URL} (the service maps it in its test profile, so a
 * test profile can still point the client elsewhere, e.g. at a closed port).
 *
 * <p>The repository root is the first directory, walking up from the working directory, that
 * holds {@code privacy-service/pom.xml}; init arg {@code jar} names another jar. The jar is not
 * built by the reactor before the modules that use this resource unless they depend on
 * privacy-service: build it first ({@code ./mvnw -pl privacy-service package}).
 */
public class PrivacyServiceResource implements QuarkusTestResourceLifecycleManager {

    public static final String NAME = "privacy-service";
    public static final String DATABASE = "mensura_privacy";
    public static final String TEST_URL = "mensura.test.privacy-url";
    public static final String ARG_JAR = "jar";
    static final String JAR = "privacy-service/target/quarkus-app/quarkus-run.jar";

    private Path jar;

    @Override
    public void init(Map<String, String> initArgs) {
        String j = initArgs.get(ARG_JAR);
        jar = j == null || j.isBlank() ? null : Path.of(j.trim()).toAbsolutePath();
    }

    @Override
    public Map<String, String> start() {
        String url = service(jar).url();
        Map<String, String> c = new LinkedHashMap<>();
        c.put(TEST_URL, url);
        return c;
    }

    /** The privacy-service of this JVM, started on first use; {@code jar} null: the repository's. */
    public static ServiceProcess service(Path jar) {
        Path j = jar != null ? jar : defaultJar();
        if (!Files.isRegularFile(j)) {
            throw new IllegalStateException(j + " does not exist: build privacy-service first"
                    + " (./mvnw -pl privacy-service -am package -DskipTests)");
        }
        return ServiceProcess.shared(NAME, j, env());
    }

    /** The environment the privacy-service gets (creates its database). */
    static Map<String, String> env() {
        Map<String, String> env = ServiceEnv.common(EmbeddedPostgres.get().createDatabase(DATABASE));
        env.put("MENSURA_PRIVACY_KEK_KEYSET_FILE", DevKeys.get().kekKeysetFile().toString());
        // The sagas run over the same broker as the service under test; asked again every 2 s.
        env.put("MENSURA_PRIVACY_DSR_RETRY_INTERVAL", "2s");
        // Only ingest-service runs next to it in the tests that use this resource.
        env.put("MENSURA_PRIVACY_EXPORT_PARTICIPANTS", "ingest-service");
        env.put("MENSURA_PRIVACY_ERASURE_PARTICIPANTS", "ingest-service");
        return env;
    }

    /** {@code <repo>/privacy-service/target/quarkus-app/quarkus-run.jar}. */
    static Path defaultJar() {
        return repoRoot().resolve(JAR);
    }

    /** The first directory from the working directory upwards that holds {@code privacy-service/pom.xml}. */
    static Path repoRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("privacy-service/pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no directory above " + start
                + " contains privacy-service/pom.xml: run the tests inside the Mensura repository");
    }

    @Override
    public void stop() {
        // one privacy-service per JVM: stopped by its shutdown hook
    }
}
