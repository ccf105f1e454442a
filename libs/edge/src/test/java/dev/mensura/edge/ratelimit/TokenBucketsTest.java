package dev.mensura.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstPassesThenTheClientWaitsWhileOthersAreUnaffected() {
        TokenBuckets buckets = new TokenBuckets(3, 60, now::get); // one token a second
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("sub:a").allowed()).isTrue();
        }
        TokenBuckets.Decision refused = buckets.take("sub:a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(1);
        assertThat(refused.remaining()).isZero();
        assertThat(buckets.take("sub:b").allowed()).as("another client").isTrue();

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        TokenBuckets.Decision again = buckets.take("sub:a");
        assertThat(again.allowed()).isTrue();
        assertThat(again.reset()).as("seconds to a full bucket").isEqualTo(3);
    }

    @Test
    void addressesAreCountedByTheirTruncatedNetwork() {
        assertThat(ClientKey.of(null, "203.0.113.77")).isEqualTo("net:203.0.113.0/24");
        assertThat(ClientKey.of(null, "203.0.113.9")).isEqualTo(ClientKey.of(null, "203.0.113.77"));
        assertThat(ClientKey.of(null, "2001:db8:1:2::5")).isEqualTo("net:2001:db8:1:0:0:0:0:0/48");
        assertThat(ClientKey.of("alice", "203.0.113.77")).isEqualTo("sub:alice");
    }
}
