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
