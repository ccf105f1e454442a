package dev.mensura.ingest.handover;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single-use, short-lived tokens that let vision fetch one photo once. A token is an unguessable
 * random string held only in this pod's memory; redeeming it removes it, so a second use fails.
 */
@ApplicationScoped
public class HandoverTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<String, Handover> open = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();

    public record Handover(String photoId, String mediaType, Instant expiresAt) {
    }

    public HandoverTokens(@ConfigProperty(name = "mensura.ingest.handover-token-ttl", defaultValue = "120s") Duration ttl) {
        this.ttl = ttl;
    }

    public String issue(String photoId, String mediaType) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        open.put(token, new Handover(photoId, mediaType, clock.instant().plus(ttl)));
        return token;
    }

    /** The photo behind the token if it is still valid; the token is spent either way. */
    public Optional<Handover> redeem(String token) {
        Handover handover = open.remove(token);
        if (handover == null || clock.instant().isAfter(handover.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(handover);
    }

    public void revokeFor(String photoId) {
        open.values().removeIf(h -> h.photoId().equals(photoId));
    }

    @Scheduled(every = "30s")
    void dropExpired() {
        Instant now = clock.instant();
        open.values().removeIf(h -> now.isAfter(h.expiresAt()));
    }
}
