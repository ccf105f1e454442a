package dev.mensura.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment every Mensura service process needs on the shared test infrastructure: its
 * database, the broker, the dev keys for JWTs and pseudonyms, no dev services. Callers add what
 * is particular to the service.
 */
public final class ServiceEnv {
    private ServiceEnv() {
    }

    /**
     * What makes a service reach PostgreSQL over TLS only, checking the server's certificate and
     * host name against {@code ca}: JDBC (Flyway, and services on JDBC) and the reactive client.
     */
    public static void postgresOverTls(Map<String, String> env, java.nio.file.Path ca) {
        String jdbc = env.get("QUARKUS_DATASOURCE_JDBC_URL");
        if (jdbc != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc + (jdbc.contains("?") ? "&" : "?")
                    + "sslmode=verify-full&sslrootcert=" + ca);
        }
        env.put("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE", "verify-full");
        env.put("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM", "true");
        env.put("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS", ca.toString());
        env.put("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM", "HTTPS");
    }

    /**
     * What makes a service reach the broker on its TLS listener, checking the broker's certificate
     * against its CA (Kafka's own client settings, through Quarkus' {@code kafka.*} from the
     * environment).
     */
    public static void kafkaOverTls(Map<String, String> env, KafkaBroker broker) {
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.tlsBootstrapServers().orElseThrow(
                () -> new IllegalStateException("the broker has no TLS listener")));
        env.put("KAFKA_SECURITY_PROTOCOL", "SSL");
        env.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", broker.tlsCaFile().orElseThrow().toString());
        env.put("KAFKA_SSL_ENABLED_PROTOCOLS", "TLSv1.3,TLSv1.2");
    }

    public static Map<String, String> common(PgDatabase db) {
        DevKeys keys = DevKeys.get();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyPem().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKeyPem().toString());
        env.put("MENSURA_PSEUDONYM_KEYSET_FILE", keys.pseudonymKeysetFile().toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.get().bootstrapServers());
        env.put("QUARKUS_DEVSERVICES_ENABLED", "false");
        // A neighbour for a service's own tests, on loopback: plain HTTP, said explicitly (a
        // production service refuses to start without TLS). The end-to-end suite gives TLS instead.
        env.put("MENSURA_TLS_PLAINTEXT_ALLOWED", "true");
        return env;
    }
}
