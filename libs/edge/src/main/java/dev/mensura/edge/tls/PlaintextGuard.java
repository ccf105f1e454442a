package dev.mensura.edge.tls;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A production service without a certificate does not start: personal data never crosses a
 * network in the clear because someone forgot a variable. Tests that run a service on loopback
 * without TLS say so explicitly ({@code MENSURA_TLS_PLAINTEXT_ALLOWED=true}); Quarkus' test and
 * dev modes are exempt.
 *
 * <p>PostgreSQL and Kafka are the operator's, with the operator's CAs: a production service that
 * reaches either without TLS says so at start (a warning, naming the setting, not the address).
 */
@ApplicationScoped
public class PlaintextGuard {
    private static final Logger LOG = Logger.getLogger(PlaintextGuard.class);
    private final Optional<String> certificate;
    private final boolean plaintextAllowed;

    public PlaintextGuard(@ConfigProperty(name = TransportSecurityConfig.CERT) Optional<String> certificate,
                          @ConfigProperty(name = "mensura.tls.plaintext-allowed", defaultValue = "false")
                          boolean plaintextAllowed) {
        this.certificate = certificate;
        this.plaintextAllowed = plaintextAllowed;
    }

    void check(@Observes StartupEvent started) {
        if (refuses(LaunchMode.current(), certificate.isPresent(), plaintextAllowed)) {
            throw new IllegalStateException("No TLS certificate: set MENSURA_TLS_CERT, MENSURA_TLS_KEY and"
                    + " MENSURA_TLS_CA (a production service does not serve plain HTTP)");
        }
    }

    void warnAboutPlaintextBackends(@Observes StartupEvent started, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        boolean usesKafka = config.getOptionalValue("kafka.bootstrap.servers", String.class).isPresent();
        String kafka = config.getOptionalValue("kafka.security.protocol", String.class).orElse("PLAINTEXT");
        if (usesKafka && !kafka.toUpperCase(java.util.Locale.ROOT).endsWith("SSL")) {
            LOG.warn("Kafka is reached without TLS: set KAFKA_SECURITY_PROTOCOL=SSL (or SASL_SSL) and its trust store"
                    + " (docs/operator-guide.md, TLS and service identity)");
        }
        boolean jdbcPlain = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                .map(url -> !url.contains("sslmode=verify-full") && !url.contains("sslmode=verify-ca")).orElse(false);
        boolean reactivePlain = config.getOptionalValue("quarkus.datasource.reactive.url", String.class).isPresent()
                && !config.getOptionalValue("quarkus.datasource.reactive.postgresql.ssl-mode", String.class)
                        .map(mode -> mode.startsWith("verify")).orElse(false);
        if (jdbcPlain || reactivePlain) {
            LOG.warn("PostgreSQL is reached without verified TLS: add sslmode=verify-full to the JDBC URL and set"
                    + " QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE=verify-full (docs/operator-guide.md)");
        }
    }

    static boolean refuses(LaunchMode mode, boolean hasCertificate, boolean plaintextAllowed) {
        return mode == LaunchMode.NORMAL && !hasCertificate && !plaintextAllowed;
    }
}
