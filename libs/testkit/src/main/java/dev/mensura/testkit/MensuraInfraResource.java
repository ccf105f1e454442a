package dev.mensura.testkit;

import dev.mensura.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quarkus test resource giving a service the real infrastructure of this JVM:
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(value = MensuraInfraResource.class, initArgs = {
 *         @ResourceArg(name = "database", value = "ingest"),
 *         @ResourceArg(name = "topics", value = "photo.received,audit.events")})
 * class IngestResourceIT { ... }
 * }</pre>
 *
 * <p>Init args (all optional): {@code database} — creates {@code mensura_<database>} on the one
 * PostgreSQL of the JVM (PostgreSQL is not started at all without it); {@code topics} —
 * comma-separated topics to create; {@code kafka} — {@code false} to not start the broker.
 * The servers and keys outlive the test class (one per JVM, stopped at exit), so {@link #stop()}
 * does nothing. Services should also set {@code %test.quarkus.devservices.enabled=false} in
 * application.properties, because dev services are decided before test resources run.
 */
public class MensuraInfraResource implements QuarkusTestResourceLifecycleManager {

    public static final String ARG_DATABASE = "database";
    public static final String ARG_TOPICS = "topics";
    public static final String ARG_KAFKA = "kafka";

    private String database;
    /** Every Mensura topic and its dead-letter sibling unless the test names its own. */
    private List<String> topics = Topics.ALL_WITH_DEAD_LETTERS;
    private boolean kafka = true;

    @Override
    public void init(Map<String, String> initArgs) {
        String db = initArgs.get(ARG_DATABASE);
        if (db != null && !db.isBlank()) {
            database = databaseName(db.trim());
        }
        String t = initArgs.get(ARG_TOPICS);
        if (t != null && !t.isBlank()) {
            topics = Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        kafka = !"false".equalsIgnoreCase(initArgs.getOrDefault(ARG_KAFKA, "true"));
    }

    /** {@code ingest} becomes {@code mensura_ingest}; {@code mensura_ingest} stays. */
    static String databaseName(String arg) {
        return arg.startsWith("mensura_") ? arg : "mensura_" + arg;
    }

    @Override
    public Map<String, String> start() {
        return config(database, kafka, topics);
    }

    /** The configuration {@link #start()} returns, for use outside Quarkus tests too. */
    public static Map<String, String> config(String database, boolean kafka, List<String> topics) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("quarkus.devservices.enabled", "false");
        if (database != null) {
            PgDatabase db = EmbeddedPostgres.get().createDatabase(database);
            c.put("quarkus.datasource.reactive.url", db.reactiveUrl());
            c.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
            c.put("quarkus.datasource.username", db.username());
            c.put("quarkus.datasource.password", db.password());
        }
        if (kafka) {
            KafkaBroker broker = KafkaBroker.get();
            broker.createTopics(topics);
            c.put("kafka.bootstrap.servers", broker.bootstrapServers());
        }
        DevKeys keys = DevKeys.get();
        c.put("mp.jwt.verify.publickey.location", keys.publicKeyPem().toString());
        c.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        c.put("smallrye.jwt.sign.key.location", keys.privateKeyPem().toString());
        c.put("mensura.pseudonym.keyset-file", keys.pseudonymKeysetFile().toString());
        c.put("mensura.privacy.kek-keyset-file", keys.kekKeysetFile().toString());
        c.put("mensura.audit.signing-keyset-file", keys.auditSigningKeysetFile().toString());
        return c;
    }

    @Override
    public void stop() {
        // one PostgreSQL, one broker and one key set per JVM: stopped by shutdown hooks
    }
}
