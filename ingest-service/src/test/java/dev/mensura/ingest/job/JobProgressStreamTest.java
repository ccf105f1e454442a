package dev.mensura.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobProgressStreamTest {
    private static final Duration INTERVAL = Duration.ofMillis(20);

    @Test
    void aLookupSlowerThanThePollIntervalDelaysTheStreamButNeverFailsIt() {
        AtomicInteger lookups = new AtomicInteger();
        // every lookup takes five intervals; the job is done on the fourth
        var stream = JobProgressStream.poll(() -> {
            int n = lookups.incrementAndGet();
            Job job = n < 4 ? job(JobStatus.PROCESSING, "vision", 10 * n) : job(JobStatus.COMPLETED, "done", 100);
            return Uni.createFrom().item(job).onItem().delayIt().by(INTERVAL.multipliedBy(5));
        }, INTERVAL);

        AssertSubscriber<ProgressMessage> subscriber = stream.subscribe().withSubscriber(AssertSubscriber.create(100));
        subscriber.awaitCompletion(Duration.ofSeconds(10));

        List<ProgressMessage> messages = subscriber.getItems();
        assertThat(messages).extracting(ProgressMessage::stage).endsWith("done");
        assertThat(messages).extracting(ProgressMessage::progress).containsExactly(10, 20, 30, 100);
    }

    private static Job job(JobStatus status, String stage, int progress) {
        return new Job(UUID.randomUUID(), "subject", status, stage, progress, "", 175, false, null, null,
                Instant.EPOCH, Instant.EPOCH);
    }
}
