package dev.mensura.ingest.bench;

import dev.mensura.events.Topics;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.KafkaBroker;
import dev.mensura.testkit.PgDatabase;
import dev.mensura.testkit.PrivacyServiceResource;
import dev.mensura.testkit.ServiceEnv;
import dev.mensura.testkit.ServiceProcess;
import dev.mensura.testkit.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Erasure latency across running services (issue: privacy; goal p99 &lt; 5 s for a subject with
 * 50 jobs). privacy-service and ingest-service run as their own processes, as in {@code dev/run},
 * on the embedded PostgreSQL and Kafka broker. Each sample: {@code DELETE /v1/subjects/me} at
 * privacy, then {@code GET /v1/dsr/{id}} every 5 ms until it reads {@code completed} (key
 * destroyed, privacy's rows deleted, the request over Kafka, ingest's rows deleted, the answer
 * back). The reference, measured in the same run and interleaved with it, is a subject with no
 * job, so the ratio isolates what 50 jobs cost. The jobs are written as finished jobs (rows with
 * the height sealed by the subject's key, photos long destroyed), the state a subject's history is in.
 *
 * <p>{@code dev/bench-erasure [samples] [jobs]}: defaults 40 samples of each kind after 5 warm-ups.
 */
public final class ErasureBench {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Duration POLL = Duration.ofMillis(5);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String privacy;
    private final PgDatabase ingestDb;
    private final SubjectCrypto crypto;
    private final Pseudonymizer pseudonyms;

    private ErasureBench(String privacy, PgDatabase ingestDb) throws Exception {
        this.privacy = privacy;
        this.ingestDb = ingestDb;
        this.crypto = SubjectCrypto.overHttp(URI.create(privacy), () -> TestTokens.service("ingest-service"),
                Duration.ofSeconds(60));
        this.pseudonyms = Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile());
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int warmups = 5;

        KafkaBroker.get().createTopics(Topics.ALL_WITH_DEAD_LETTERS);
        ServiceProcess privacy = PrivacyServiceResource.service(null);
        PgDatabase ingestDb = EmbeddedPostgres.get().createDatabase("mensura_ingest_bench");
        ServiceProcess ingest = ServiceProcess.start("ingest-service", Path.of("target/quarkus-app/quarkus-run.jar"),
                ingestEnv(ingestDb, privacy.url()));
        try {
            var bench = new ErasureBench(privacy.url(), ingestDb);
            List<Long> reference = new ArrayList<>();
            List<Long> measured = new ArrayList<>();
            for (int i = 0; i < warmups + samples; i++) {
                long none = bench.sample(0);
                long many = bench.sample(jobs);
                if (i >= warmups) {
                    reference.add(none);
                    measured.add(many);
                }
            }
            report(jobs, reference, measured);
        } finally {
            ingest.stop();
            privacy.stop();
        }
    }

    /** One erasure of a fresh subject holding {@code jobs} jobs; nanoseconds from request to completed. */
    private long sample(int jobs) throws Exception {
        String sub = "bench-" + UUID.randomUUID();
        String subject = pseudonyms.pseudonym("subject", sub);
        String token = TestTokens.subject(sub);
        send(HttpRequest.newBuilder(URI.create(privacy + "/v1/subjects/me/consents/body-measurement"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"granted\": true}")), 200);
        insertJobs(subject, jobs);

        long start = System.nanoTime();
        String accepted = send(HttpRequest.newBuilder(URI.create(privacy + "/v1/subjects/me"))
                .header("Authorization", "Bearer " + token).DELETE(), 202);
        Matcher id = ID.matcher(accepted);
        if (!id.find()) {
            throw new IllegalStateException("no request id in the answer");
        }
        HttpRequest status = HttpRequest.newBuilder(URI.create(privacy + "/v1/dsr/" + id.group(1)))
                .header("Authorization", "Bearer " + token).GET().build();
        while (!http.send(status, HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"completed\"")) {
            Thread.sleep(POLL.toMillis());
        }
        long elapsed = System.nanoTime() - start;
        if (countJobs(subject) != 0) {
            throw new IllegalStateException("erasure completed but job rows remain");
        }
        return elapsed;
    }

    private void insertJobs(String subject, int jobs) throws Exception {
        if (jobs == 0) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = EmbeddedPostgres.get().connect(ingestDb.name());
             PreparedStatement ps = c.prepareStatement("insert into job (id, subject_pseudonym, status, stage, progress,"
                     + " message, height_cm_sealed, blur_faces, front_orientation, side_orientation, created_at,"
                     + " updated_at) values (?, ?, 'completed', 'done', 100, null, ?, false, 1, 1, ?, ?)")) {
            for (int i = 0; i < jobs; i++) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, subject);
                ps.setBytes(3, crypto.encrypt(subject, "ingest.job.height_cm", "178".getBytes(StandardCharsets.US_ASCII)));
                ps.setObject(4, now.minusDays(i));
                ps.setObject(5, now.minusDays(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private long countJobs(String subject) throws Exception {
        try (Connection c = EmbeddedPostgres.get().connect(ingestDb.name());
             PreparedStatement ps = c.prepareStatement("select count(*) from job where subject_pseudonym = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("expected " + expected + " but got " + response.statusCode());
        }
        return response.body();
    }

    private static Map<String, String> ingestEnv(PgDatabase db, String privacyUrl) {
        Map<String, String> env = ServiceEnv.common(db);
        env.put("MENSURA_PRIVACY_URL", privacyUrl);
        env.put("MENSURA_INGEST_UPLOAD_DIR", "/dev/shm/mensura-ingest-bench");
        return env;
    }

    private static void report(int jobs, List<Long> reference, List<Long> measured) {
        System.out.printf(Locale.ROOT, "%-22s %8s %8s %8s %8s  (ms, %d samples each)%n", "erasure", "p50", "p90", "p99",
                "max", measured.size());
        line("0 jobs (reference)", reference);
        line(jobs + " jobs", measured);
        System.out.printf(Locale.ROOT, "ratio p50 %.2fx, p99 %.2fx; goal p99 < 5000 ms: %s%n",
                pct(measured, 50) / pct(reference, 50), pct(measured, 99) / pct(reference, 99),
                pct(measured, 99) < 5000 ? "met" : "NOT met");
    }

    private static void line(String name, List<Long> samples) {
        System.out.printf(Locale.ROOT, "%-22s %8.1f %8.1f %8.1f %8.1f%n", name, pct(samples, 50), pct(samples, 90),
                pct(samples, 99), pct(samples, 100));
    }

    /** Nearest-rank percentile in milliseconds. */
    static double pct(List<Long> samples, int p) {
        List<Long> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
