package dev.mensura.edge.tls;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A production service without a certificate does not start: personal data never crosses a
 * network in the clear because someone forgot a variable. Tests that run a service on loopback
 * without TLS say so explicitly ({@code MENSURA_TLS_PLAINTEXT_ALLOWED=true}); Quarkus' test and
 * dev modes are exempt.
 */
@ApplicationScoped
public class PlaintextGuard {
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

    static boolean refuses(LaunchMode mode, boolean hasCertificate, boolean plaintextAllowed) {
        return mode == LaunchMode.NORMAL && !hasCertificate && !plaintextAllowed;
    }
}
