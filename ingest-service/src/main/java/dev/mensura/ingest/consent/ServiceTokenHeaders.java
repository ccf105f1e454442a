package dev.mensura.ingest.consent;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Adds ingest's own service token to internal calls: short-lived (2 minutes), reused until
 * shortly before expiry, signed with the service key ({@code smallrye.jwt.sign.key.location}).
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {
    private static final Duration LIFETIME = Duration.ofMinutes(2);

    private final String issuer;
    private volatile String token;
    private volatile Instant renewAt = Instant.EPOCH;

    public ServiceTokenHeaders(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.issuer = issuer;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + current());
        return headers;
    }

    private synchronized String current() {
        Instant now = Instant.now();
        if (token == null || now.isAfter(renewAt)) {
            token = Jwt.issuer(issuer).subject("ingest-service").groups("service")
                    .issuedAt(now).expiresAt(now.plus(LIFETIME)).sign();
            renewAt = now.plus(LIFETIME.dividedBy(2));
        }
        return token;
    }
}
