package dev.mensura.audit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mensura.audit.checkpoint.SigningKeys;
import dev.mensura.audit.log.AuditEntry;
import dev.mensura.audit.log.EntryPolicy;
import dev.mensura.audit.log.LogStore;
import dev.mensura.audit.log.LogTree;
import dev.mensura.auditverifier.LogVerifier;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.PgDatabase;
import dev.mensura.tlog.Checkpoint;
import dev.mensura.tlog.Hashes;
import dev.mensura.tlog.MerkleTree;
import dev.mensura.tlog.SignedNote;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The audit log's figures (docs/benchmarks.md), each against a reference measured in the same run:
 * <ol>
 * <li>sustained appends of {@code n} entries in batches of 1000 with a checkpoint signed every
 * half second (as the service does), against plain batched inserts of the same rows into a table with the same columns (no
 * lock, no dedupe, no hashing, no trigger, no tree); and the checkpoint lag;</li>
 * <li>an inclusion proof at 10 M entries against the same proof at 1 k entries;</li>
 * <li>the offline verifier over an export of {@code m} entries against only parsing that export.</li>
 * </ol>
 * {@code dev/bench-audit [appends] [proofTreeSize] [verifierEntries]}.
 */
public final class AuditBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        long appends = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int proofSize = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        int verifierEntries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        appendBench(appends);
        proofBench(proofSize);
        verifierBench(verifierEntries);
    }

    private static AuditEntry entry(long i) {
        return EntryPolicy.accept(UUID.randomUUID().toString(), "/mensura/ingest-service", JSON.valueToTree(Map.of(
                "time", Instant.now().toString(), "actor", "ingest-service", "action", "photo.destroyed",
                "resource", "job:bench" + i + "/photo:front", "outcome", "success", "correlationId", "bench" + i,
                "details", Map.of("sizeBytes", 4_000_000 + i % 1000, "lifetimeMs", 1000 + i % 5000,
                        "reason", "vision-completed"))));
    }

    private static void appendBench(long n) throws Exception {
        PgDatabase db = EmbeddedPostgres.get().createDatabase("mensura_audit_bench_" + System.currentTimeMillis());
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.jdbcUrl());
        ds.setUser(db.username());
        ds.setPassword(db.password());
        try (Connection c = ds.getConnection()) {
            for (String migration : new String[] {"V1__log.sql", "V2__entry_columns.sql"}) {
                try (InputStream in = AuditBench.class.getResourceAsStream("/db/migration/" + migration)) {
                    c.createStatement().execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            c.createStatement().execute("create table plain_entry (idx bigint primary key, event_id varchar(128)"
                    + " not null unique, entry bytea not null, leaf_hash bytea not null, appended_at timestamptz not null,"
                    + " action varchar(80), resource varchar(256), entry_time timestamptz)");
        }

        // Reference: the same rows, inserted plainly in the same batches.
        long start = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into plain_entry values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                byte[] zeros = new byte[32];
                for (long i = 0; i < n; i++) {
                    AuditEntry e = entry(i);
                    ps.setLong(1, i);
                    ps.setString(2, e.eventId());
                    ps.setBytes(3, e.canonical());
                    ps.setBytes(4, zeros);
                    ps.setTimestamp(5, new Timestamp(System.currentTimeMillis()));
                    ps.setString(6, "photo.destroyed");
                    ps.setString(7, "job:bench" + i + "/photo:front");
                    ps.setTimestamp(8, new Timestamp(System.currentTimeMillis()));
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
        double plainRate = n / ((System.nanoTime() - start) / 1e9);

        // Measured: the log's own path with a checkpoint signer running every 500 ms, as in the service.
        LogStore store = new LogStore(ds);
        LogTree tree = new LogTree(store);
        SigningKeys keys = new SigningKeys("mensura.dev/audit", DevKeys.get().auditSigningKeysetFile());
        ConcurrentLinkedQueue<long[]> commits = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> checkpoints = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService signer = Executors.newSingleThreadScheduledExecutor();
        signer.scheduleAtFixedRate(() -> {
            long size = tree.refresh();
            if (size > 0 && (checkpoints.isEmpty() || lastSize(checkpoints) < size)) {
                String note = SignedNote.sign(new Checkpoint(keys.origin(), size, tree.root(size)).text(),
                        List.of(keys.signer()));
                store.saveCheckpoint(size, tree.root(size), note);
                checkpoints.add(new long[] {size, System.nanoTime()});
            }
        }, 500, 500, TimeUnit.MILLISECONDS); // the service's mensura.audit.checkpoint-interval
        start = System.nanoTime();
        for (long i = 0; i < n; i += BATCH) {
            List<AuditEntry> batch = new ArrayList<>(BATCH);
            for (long j = i; j < Math.min(n, i + BATCH); j++) {
                batch.add(entry(j));
            }
            store.appendAll(batch);
            commits.add(new long[] {Math.min(n, i + BATCH), System.nanoTime()});
        }
        double logRate = n / ((System.nanoTime() - start) / 1e9);
        Thread.sleep(1500);
        signer.shutdown();
        signer.awaitTermination(10, TimeUnit.SECONDS);

        List<Double> lags = new ArrayList<>();
        List<long[]> cps = new ArrayList<>(checkpoints);
        for (long[] commit : commits) {
            cps.stream().filter(cp -> cp[0] >= commit[0]).findFirst()
                    .ifPresent(cp -> lags.add((cp[1] - commit[1]) / 1e6));
        }
        lags.sort(Double::compare);
        System.out.printf(Locale.ROOT, "appends: %,d entries, batches of %d%n", n, BATCH);
        System.out.printf(Locale.ROOT, "  plain batched insert (reference) %,10.0f entries/s%n", plainRate);
        System.out.printf(Locale.ROOT, "  audit log append + checkpoints   %,10.0f entries/s  (%.2fx the reference)%n",
                logRate, logRate / plainRate);
        System.out.printf(Locale.ROOT, "  checkpoints signed: %d; lag from commit to covering checkpoint: p50 %.0f ms,"
                + " p99 %.0f ms, max %.0f ms%n", cps.size(), pct(lags, 50), pct(lags, 99), pct(lags, 100));
    }

    private static long lastSize(ConcurrentLinkedQueue<long[]> checkpoints) {
        long last = 0;
        for (long[] cp : checkpoints) {
            last = cp[0];
        }
        return last;
    }

    private static void proofBench(int size) {
        Random random = new Random(9162);
        MerkleTree big = new MerkleTree();
        byte[] leaf = new byte[32];
        long buildStart = System.nanoTime();
        for (int i = 0; i < size; i++) {
            random.nextBytes(leaf);
            big.append(leaf);
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        MerkleTree small = new MerkleTree();
        for (int i = 0; i < 1000; i++) {
            random.nextBytes(leaf);
            small.append(leaf);
        }
        List<Double> bigTimes = proofTimes(big, size, random);
        List<Double> smallTimes = proofTimes(small, 1000, random);
        System.out.printf(Locale.ROOT, "inclusion proofs (20,000 after 20,000 warm-up), tree of %,d built in %.1f s:%n",
                size, buildSeconds);
        System.out.printf(Locale.ROOT, "  at 1,000 entries (reference)  p50 %.4f ms  p99 %.4f ms%n",
                pct(smallTimes, 50), pct(smallTimes, 99));
        System.out.printf(Locale.ROOT, "  at %,d entries          p50 %.4f ms  p99 %.4f ms  (p99 %.2fx the reference)%n",
                size, pct(bigTimes, 50), pct(bigTimes, 99), pct(bigTimes, 99) / pct(smallTimes, 99));
    }

    private static List<Double> proofTimes(MerkleTree tree, int size, Random random) {
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            times.clear();
            for (int k = 0; k < 20_000; k++) {
                int index = random.nextInt(size);
                long t = System.nanoTime();
                tree.inclusionProof(index, size);
                times.add((System.nanoTime() - t) / 1e6);
            }
        }
        times.sort(Double::compare);
        return times;
    }

    private static void verifierBench(int n) throws Exception {
        SigningKeys keys = new SigningKeys("mensura.dev/audit", DevKeys.get().auditSigningKeysetFile());
        ObjectNode export = JSON.createObjectNode().put("format", "mensura-audit-export/1").put("origin", keys.origin());
        ArrayNode entries = export.putArray("entries");
        MerkleTree tree = new MerkleTree();
        ArrayNode checkpoints = export.putArray("checkpoints");
        for (int i = 0; i < n; i++) {
            AuditEntry e = entry(i);
            byte[] leafHash = Hashes.leaf(e.canonical());
            tree.append(leafHash);
            entries.addObject().put("index", i).put("leafHash", Base64.getEncoder().encodeToString(leafHash))
                    .set("entry", e.json());
            if ((i + 1) % 5000 == 0 || i == n - 1) {
                checkpoints.add(SignedNote.sign(new Checkpoint(keys.origin(), i + 1, tree.root(i + 1)).text(),
                        List.of(keys.signer())));
            }
        }
        byte[] file = JSON.writeValueAsBytes(export);
        export = null;
        entries = null;
        System.gc();

        long start = System.nanoTime();
        JsonNode parsed = JSON.readTree(file);
        double parseSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        var result = LogVerifier.verify(parsed, keys.published(), List.of());
        double verifySeconds = (System.nanoTime() - start) / 1e9;
        if (!result.verified()) {
            throw new IllegalStateException(result.message());
        }
        System.out.printf(Locale.ROOT, "offline verifier on an export of %,d entries (%,d MB, %d checkpoints):%n", n,
                file.length / 1_000_000, checkpoints.size());
        System.out.printf(Locale.ROOT, "  parsing the export (reference) %.1f s  (%,.0f entries/s)%n", parseSeconds,
                n / parseSeconds);
        System.out.printf(Locale.ROOT, "  verifying it                   %.1f s  (%,.0f entries/s, %.2fx the parse time)%n",
                verifySeconds, n / verifySeconds, verifySeconds / parseSeconds);
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
