package dev.mensura.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.testkit.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A bounded load on loopback: {@value #CLIENTS} clients upload at once on this 2-core machine.
 * Beyond capacity they get 429 with Retry-After and come back when told; never a 5xx; the upload
 * directory never holds more than its budget; every accepted job ends (measurements, or a failure
 * with a reason); and the audit log accounts for every photo received as destroyed. Throughput and
 * latency are written to {@code target/load-report.txt} (figures in docs/benchmarks.md), as
 * multiples of one job alone on the same suite, measured first (the named reference).
 */
@Order(4)
class LoadIT {
    static final int CLIENTS = 50;
    private static final int DISTINCT_BODIES = 10;
    private static final Duration CLIENT_DEADLINE = Duration.ofMinutes(8);

    @Test
    void fiftyClientsAtOnceNoServerErrorBackPressureWithinBudgetAndEveryPhotoAccountedFor() throws Exception {
        Suite suite = Suite.get();
        LocalDate startDay = LocalDate.now(ZoneOffset.UTC);
        List<Photos.Pair> bodies = new ArrayList<>();
        for (int i = 0; i < DISTINCT_BODIES; i++) {
            bodies.add(Photos.of(401 + i));
        }
        List<App> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            App app = new App(suite);
            app.grantConsent();
            clients.add(app);
        }

        // the reference: one job alone, upload to measurements
        long alone = oneJob(clients.get(0), bodies.get(0), new Tally());

        Tally tally = new Tally();
        UploadDirWatch watch = new UploadDirWatch(suite.uploadDir);
        Thread watcher = new Thread(watch, "upload-dir-watch");
        watcher.setDaemon(true);
        watcher.start();
        long start = System.nanoTime();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            App app = clients.get(i);
            Photos.Pair photos = bodies.get(i % DISTINCT_BODIES);
            runs.add(pool.submit(() -> latencies.add(oneJob(app, photos, tally))));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        long wallNanos = System.nanoTime() - start;
        pool.shutdown();
        watch.stop();
        watcher.join();

        assertThat(tally.serverErrors.get()).as("5xx answers").isZero();
        assertThat(tally.tooMany.get()).as("429s: 50 clients are beyond capacity").isPositive();
        assertThat(tally.tooManyWithoutRetryAfter.get()).as("429s without Retry-After").isZero();
        assertThat(tally.accepted.get()).isEqualTo(CLIENTS);
        assertThat(tally.completed.get() + tally.failedWithReason.get()).as("jobs that ended").isEqualTo(CLIENTS);
        assertThat(tally.failedWithoutReason.get()).isZero();
        assertThat(watch.maxBytes()).as("bytes in the upload dir at most").isLessThanOrEqualTo(Suite.UPLOAD_BUDGET_BYTES);
        assertThat(suite.uploadDirFiles()).isEmpty();
        assertEveryPhotoReceivedWasDestroyed(suite, startDay);

        List<Long> sorted = latencies.stream().sorted().toList();
        double p50 = sorted.get(sorted.size() / 2) / 1e9;
        double p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e9;
        double throughput = CLIENTS / (wallNanos / 1e9);
        String report = String.format(Locale.ROOT, """
                load: %d clients, %d distinct bodies, capacity %d jobs holding photos, budget %d MiB
                reference (one job alone, upload to measurements): %.2f s
                wall %.1f s, throughput %.3f jobs/s
                latency upload-accepted to job end: p50 %.2f s (%.1fx the reference), p99 %.2f s (%.1fx)
                answers: %d accepted, %d x 429 (all with Retry-After), %d x 5xx
                jobs: %d completed, %d failed with a reason
                upload dir: at most %.1f MiB of %d MiB, %d files at most
                """, CLIENTS, DISTINCT_BODIES, Suite.MAX_JOBS_HOLDING_PHOTOS, Suite.UPLOAD_BUDGET_BYTES >> 20,
                alone / 1e9, wallNanos / 1e9, throughput, p50, p50 / (alone / 1e9), p99, p99 / (alone / 1e9),
                tally.accepted.get(), tally.tooMany.get(), tally.serverErrors.get(), tally.completed.get(),
                tally.failedWithReason.get(), watch.maxBytes() / 1048576.0, Suite.UPLOAD_BUDGET_BYTES >> 20,
                watch.maxFiles());
        Files.writeString(suite.repo.resolve("e2e/target/load-report.txt"), report);
        System.out.println(report);
    }

    /** Uploads (coming back after Retry-After while refused), then follows the job to its end; nanoseconds from 202 to the end. */
    private static long oneJob(App app, Photos.Pair photos, Tally tally) {
        long deadline = System.nanoTime() + CLIENT_DEADLINE.toNanos();
        String jobId = null;
        while (jobId == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not accepted within " + CLIENT_DEADLINE);
            }
            Response r = app.upload(photos, 175);
            int status = r.statusCode();
            if (status >= 500) {
                tally.serverErrors.incrementAndGet();
                Suite.pause(1000);
            } else if (status == 429) {
                tally.tooMany.incrementAndGet();
                String retryAfter = r.header("Retry-After");
                if (retryAfter == null) {
                    tally.tooManyWithoutRetryAfter.incrementAndGet();
                    Suite.pause(1000);
                } else {
                    Suite.pause(Math.max(1, Long.parseLong(retryAfter.trim())) * 1000);
                }
            } else if (status == 202) {
                jobId = r.path("id");
                tally.accepted.incrementAndGet();
            } else {
                throw new AssertionError("upload answered " + status + ": " + r.asString());
            }
        }
        long accepted = System.nanoTime();
        List<JsonNode> progress = app.followProgress(jobId, CLIENT_DEADLINE);
        long ended = System.nanoTime();
        JsonPath job = app.job(jobId);
        if ("completed".equals(job.getString("status"))) {
            tally.completed.incrementAndGet();
        } else if ("failed".equals(job.getString("status")) && !job.getString("message").isBlank()) {
            tally.failedWithReason.incrementAndGet();
        } else {
            tally.failedWithoutReason.incrementAndGet();
        }
        assertThat(progress).isNotEmpty();
        return ended - accepted;
    }

    /** The audit log's own count, over the whole suite so far: every photo received has its destruction. */
    private static void assertEveryPhotoReceivedWasDestroyed(Suite suite, LocalDate startDay) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            long received = 0;
            long destroyed = 0;
            for (LocalDate day : Stream.of(startDay, LocalDate.now(ZoneOffset.UTC)).distinct().toList()) {
                JsonPath report = given().baseUri(suite.url("audit"))
                        .auth().oauth2(TestTokens.withRoles("officer", "compliance"))
                        .get("/v1/audit/reports/daily?date=" + day).then().statusCode(200).extract().jsonPath();
                received += report.getLong("photos.received");
                destroyed += report.getLong("photos.destroyedOfReceived");
            }
            assertThat(received).isPositive();
            assertThat(destroyed).as("photos received %d, of them destroyed", received).isEqualTo(received);
        });
    }

    private static final class Tally {
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger tooMany = new AtomicInteger();
        final AtomicInteger tooManyWithoutRetryAfter = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger failedWithReason = new AtomicInteger();
        final AtomicInteger failedWithoutReason = new AtomicInteger();
    }

    /** Samples the upload directory's total size every 20 ms while the load runs. */
    private static final class UploadDirWatch implements Runnable {
        private final Path dir;
        private final AtomicLong maxBytes = new AtomicLong();
        private final AtomicInteger maxFiles = new AtomicInteger();
        private volatile boolean running = true;

        UploadDirWatch(Path dir) {
            this.dir = dir;
        }

        @Override
        public void run() {
            while (running) {
                long bytes = 0;
                int files = 0;
                try (Stream<Path> list = Files.list(dir)) {
                    for (Path f : list.toList()) {
                        try {
                            bytes += Files.size(f);
                            files++;
                        } catch (IOException gone) {
                            // destroyed while we looked
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                maxBytes.accumulateAndGet(bytes, Math::max);
                maxFiles.accumulateAndGet(files, Math::max);
                Suite.pause(20);
            }
        }

        void stop() {
            running = false;
        }

        long maxBytes() {
            return maxBytes.get();
        }

        int maxFiles() {
            return maxFiles.get();
        }
    }
}
