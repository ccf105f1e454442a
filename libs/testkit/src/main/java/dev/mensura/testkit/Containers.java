package dev.mensura.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers variants, used only when {@link Docker#available()}. Kept in their own
 * class so that nothing from Testcontainers is loaded otherwise.
 *
 * <p>UNTESTED: the machines this project is built on have no Docker daemon, so this path
 * compiles but has never run here.
 */
final class Containers {

    static final String POSTGRES_IMAGE = "postgres:14-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private Containers() {
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** Starts PostgreSQL; returns {host, port, username, password}; stopped by Ryuk / at exit. */
    @SuppressWarnings("resource")
    static String[] startPostgres() {
        PostgreSQLContainer c = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withDatabaseName("postgres")
                .withUsername("postgres")
                .withPassword("postgres");
        c.start();
        Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "mensura-postgres-container-stop"));
        return new String[] {c.getHost(), String.valueOf(c.getMappedPort(5432)), c.getUsername(), c.getPassword()};
    }

    /** Starts a Kafka broker; returns its bootstrap servers; stopped by Ryuk / at exit. */
    @SuppressWarnings("resource")
    static String startKafka() {
        KafkaContainer c = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        c.start();
        Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "mensura-kafka-container-stop"));
        return c.getBootstrapServers();
    }
}
