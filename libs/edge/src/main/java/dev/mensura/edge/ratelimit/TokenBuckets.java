package dev.mensura.edge.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: {@code burst} requests at once, refilled at {@code perMinute}. The
 * buckets live in a bounded cache (a client idle for longer than a full refill is back to a full
 * bucket anyway, so forgetting it changes nothing).
 */
public final class TokenBuckets {
    private final long burst;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final Cache<String, Bucket> buckets;

    public TokenBuckets(long burst, long perMinute, LongSupplier nanoClock) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("burst and per-minute must be at least 1");
        }
        this.burst = burst;
        this.tokensPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.nanoClock = nanoClock;
        long refillNanos = (long) Math.ceil(burst / tokensPerNano);
        this.buckets = Caffeine.newBuilder().maximumSize(200_000)
                .expireAfterAccess(Duration.ofNanos(Math.max(refillNanos, Duration.ofSeconds(1).toNanos()))).build();
    }

    /** What {@code client}'s request may do now; a refused request takes no token. */
    public Decision take(String client) {
        Bucket bucket = buckets.get(client, k -> new Bucket(burst, nanoClock.getAsLong()));
        synchronized (bucket) {
            long now = nanoClock.getAsLong();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * tokensPerNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, burst, (long) Math.floor(bucket.tokens), secondsUntil(burst - bucket.tokens), 0);
            }
            long retryAfter = Math.max(1, secondsUntil(1 - bucket.tokens));
            return new Decision(false, burst, 0, secondsUntil(burst - bucket.tokens), retryAfter);
        }
    }

    private long secondsUntil(double tokens) {
        return (long) Math.ceil(tokens / tokensPerNano / 1e9);
    }

    /**
     * @param limit      the bucket's size (RateLimit-Limit)
     * @param remaining  requests left right now (RateLimit-Remaining)
     * @param reset      seconds until the bucket is full again (RateLimit-Reset)
     * @param retryAfter seconds until the next request can pass, when refused (Retry-After)
     */
    public record Decision(boolean allowed, long limit, long remaining, long reset, long retryAfter) {
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
