package dev.mensura.ingest.consent;

import dev.mensura.privacykit.crypto.ServiceTokenSource;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * ingest's own short-lived service token for internal calls (consent checks, key fetches):
 * 2 minutes, reused until half-way, signed with the service key ({@code smallrye.jwt.sign.key.location}).
 */
@ApplicationScoped
public class ServiceTokens implements ServiceTokenSource {
    static final String SERVICE = "ingest-service";
    private static final Duration LIFETIME = Duration.ofMinutes(2);

    private final String issuer;
    private String token;
    private Instant renewAt = Instant.EPOCH;

    public ServiceTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.issuer = issuer;
    }

    @Override
    public synchronized String current() {
        Instant now = Instant.now();
        if (token == null || now.isAfter(renewAt)) {
            token = Jwt.issuer(issuer).subject(SERVICE).groups("service")
                    .issuedAt(now).expiresAt(now.plus(LIFETIME)).sign();
            renewAt = now.plus(LIFETIME.dividedBy(2));
        }
        return token;
    }
}
