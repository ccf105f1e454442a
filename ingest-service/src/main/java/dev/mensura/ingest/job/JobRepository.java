package dev.mensura.ingest.job;

import dev.mensura.privacykit.crypto.SubjectCrypto;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Jobs in PostgreSQL through the reactive client. */
@ApplicationScoped
public class JobRepository {
    /** Where the sealed height lives; the ciphertext opens nowhere else. */
    static final String HEIGHT_PLACE = "ingest.job.height_cm";
    private static final String COLUMNS = "id, subject_pseudonym, status, stage, progress, message, height_cm_sealed, "
            + "blur_faces, front_orientation, side_orientation, front_focal_35mm, side_focal_35mm, created_at, updated_at";

    private final Pool pool;
    private final SubjectCrypto crypto;

    public JobRepository(Pool pool, SubjectCrypto crypto) {
        this.pool = pool;
        this.crypto = crypto;
    }

    /** Seals the height with the subject's key first: without a key nothing is written (KeyUnavailableException). */
    public Uni<Void> insert(Job job) {
        byte[] sealedHeight = crypto.encrypt(job.subjectPseudonym(), HEIGHT_PLACE,
                Integer.toString(job.heightCm()).getBytes(StandardCharsets.US_ASCII));
        return pool.preparedQuery("insert into job (" + COLUMNS + ") values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)")
                .execute(Tuple.tuple()
                        .addUUID(job.id()).addString(job.subjectPseudonym()).addString(job.status().slug())
                        .addString(job.stage()).addInteger(job.progress()).addString(job.message())
                        .addBuffer(Buffer.buffer(sealedHeight)).addBoolean(job.blurFaces())
                        .addInteger(job.front().orientation()).addInteger(job.side().orientation())
                        .addInteger(job.front().focalLength35mm()).addInteger(job.side().focalLength35mm())
                        .addOffsetDateTime(utc(job.createdAt())).addOffsetDateTime(utc(job.updatedAt())))
                .replaceWithVoid();
    }

    /** The job if it belongs to the subject; another subject's job is indistinguishable from none. */
    public Uni<Job> findOwned(UUID id, String subjectPseudonym) {
        return pool.preparedQuery("select " + COLUMNS + " from job where id = $1 and subject_pseudonym = $2")
                .execute(Tuple.of(id, subjectPseudonym))
                .map(rows -> rows.iterator().hasNext() ? map(rows.iterator().next()) : null);
    }

    /**
     * Moves a job forward, never back: late or replayed events (at-least-once delivery) neither
     * reopen an ended job nor return a job in {@code fitting} to {@code vision}.
     */
    public Uni<Boolean> updateProgress(UUID id, JobStatus status, String stage, int progress, String message) {
        return updateIfStageAtMost(id, status, stage, progress, message, JobStages.rank(stage));
    }

    /**
     * As {@link #updateProgress}, only while the job has not got past vision: the first outcome of
     * vision wins, so a replay that finds the photos spent cannot fail a job vision completed.
     */
    public Uni<Boolean> updateWhileBeforeFitting(UUID id, JobStatus status, String stage, int progress, String message) {
        return updateIfStageAtMost(id, status, stage, progress, message, JobStages.rank("vision"));
    }

    private Uni<Boolean> updateIfStageAtMost(UUID id, JobStatus status, String stage, int progress, String message,
                                             int maxCurrentRank) {
        return pool.preparedQuery("update job set status = $2, stage = $3, progress = $4, message = $5, updated_at = $6 "
                        + "where id = $1 and status not in ('completed', 'failed') and " + JobStages.RANK_SQL + " <= $7")
                .execute(Tuple.tuple().addUUID(id).addString(status.slug()).addString(stage).addInteger(progress)
                        .addString(message).addOffsetDateTime(utc(Instant.now())).addInteger(maxCurrentRank))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Every job of the subject, oldest first (the subject's export). */
    public Uni<List<Job>> findAllOf(String subjectPseudonym) {
        return pool.preparedQuery("select " + COLUMNS + " from job where subject_pseudonym = $1 order by created_at")
                .execute(Tuple.of(subjectPseudonym))
                .map(rows -> {
                    List<Job> list = new ArrayList<>();
                    rows.forEach(row -> list.add(map(row)));
                    return list;
                });
    }

    public Uni<List<UUID>> jobIdsOf(String subjectPseudonym) {
        return ids("select id from job where subject_pseudonym = $1", subjectPseudonym);
    }

    /** Jobs of the subject that have not ended yet. */
    public Uni<List<UUID>> openJobIdsOf(String subjectPseudonym) {
        return ids("select id from job where subject_pseudonym = $1 and status not in ('completed', 'failed')",
                subjectPseudonym);
    }

    private Uni<List<UUID>> ids(String sql, String subjectPseudonym) {
        return pool.preparedQuery(sql).execute(Tuple.of(subjectPseudonym))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("id")));
                    return ids;
                });
    }

    /**
     * Ends, as failed, every job still waiting for its photos to be read (stage {@code queued} or
     * {@code vision}) that was created before {@code limit}: by then no copy of its photos exists
     * anywhere (I2), so nothing can complete it. Returns how many jobs ended.
     */
    public Uni<Integer> failAbandonedBefore(Instant limit, String message) {
        return pool.preparedQuery("update job set status = 'failed', stage = 'failed', progress = 100, message = $2, "
                        + "updated_at = $3 where status in ('queued', 'processing') and stage in ('queued', 'vision') "
                        + "and created_at < $1")
                .execute(Tuple.of(utc(limit), message, utc(Instant.now())))
                .map(rows -> rows.rowCount());
    }

    /** Erasure: every job row of the subject; returns how many there were. */
    public Uni<Integer> deleteAllOf(String subjectPseudonym) {
        return pool.preparedQuery("delete from job where subject_pseudonym = $1").execute(Tuple.of(subjectPseudonym))
                .map(rows -> rows.rowCount());
    }

    /** Retention: deletes job rows created before {@code limit}; returns how many. */
    public Uni<Integer> deleteCreatedBefore(Instant limit) {
        return pool.preparedQuery("delete from job where created_at < $1").execute(Tuple.of(utc(limit)))
                .map(rows -> rows.rowCount());
    }

    public Uni<Long> countCreatedBefore(Instant limit) {
        return pool.preparedQuery("select count(*) from job where created_at < $1").execute(Tuple.of(utc(limit)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Void> delete(UUID id) {
        return pool.preparedQuery("delete from job where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    private Job map(Row row) {
        String subject = row.getString("subject_pseudonym");
        int heightCm = Integer.parseInt(new String(crypto.decrypt(subject, HEIGHT_PLACE,
                row.getBuffer("height_cm_sealed").getBytes()), StandardCharsets.US_ASCII));
        return new Job(row.getUUID("id"), subject,
                JobStatus.fromSlug(row.getString("status")), row.getString("stage"), row.getInteger("progress"),
                row.getString("message"), heightCm, row.getBoolean("blur_faces"),
                new Job.PhotoFacts(row.getInteger("front_orientation"), row.getInteger("front_focal_35mm")),
                new Job.PhotoFacts(row.getInteger("side_orientation"), row.getInteger("side_focal_35mm")),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
