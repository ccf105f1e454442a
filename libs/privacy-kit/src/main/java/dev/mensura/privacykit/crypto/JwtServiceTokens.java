package dev.mensura.privacykit.crypto;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A service's own short-lived token for internal calls (consent checks, key fetches): 2 minutes,
 * reused until half-way, {@code sub} the service's name, group {@code service}, signed with the
 * service key ({@code smallrye.jwt.sign.key.location}). Needs {@code quarkus-smallrye-jwt-build}
 * in the service; a plain class, not a bean, so services without it never load it.
 */
public final class JwtServiceTokens implements ServiceTokenSource {
    private static final Duration LIFETIME = Duration.ofMinutes(2);

    private final String issuer;
    private final String service;
    private String token;
    private Instant renewAt = Instant.EPOCH;

    public JwtServiceTokens(String issuer, String service) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public synchronized String current() {
        Instant now = Instant.now();
        if (token == null || now.isAfter(renewAt)) {
            token = Jwt.issuer(issuer).audience("mensura").subject(service).groups("service")
                    .issuedAt(now).expiresAt(now.plus(LIFETIME)).sign();
            renewAt = now.plus(LIFETIME.dividedBy(2));
        }
        return token;
    }
}
