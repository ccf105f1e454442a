package dev.mensura.fitting.results;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** fitting's table: one sealed result per job, readable by the job's subject only. */
@ApplicationScoped
public class FitResults {
    private final AgroalDataSource db;

    public FitResults(AgroalDataSource db) {
        this.db = db;
    }

    /** A stored result, still sealed. */
    public record Row(UUID jobId, String subjectPseudonym, Instant createdAt, double silhouetteRmsCm,
                      byte[] measurementsSealed, byte[] glbSealed, byte[] objSealed) {
    }

    /** Idempotent: a replayed event finds the row and changes nothing. */
    public boolean store(Row row) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO fit_result (job_id, subject_pseudonym, silhouette_rms_cm, measurements_sealed, glb_sealed,"
                        + " obj_sealed) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (job_id) DO NOTHING")) {
            s.setObject(1, row.jobId());
            s.setString(2, row.subjectPseudonym());
            s.setDouble(3, row.silhouetteRmsCm());
            s.setBytes(4, row.measurementsSealed());
            s.setBytes(5, row.glbSealed());
            s.setBytes(6, row.objSealed());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("fit_result insert failed", e);
        }
    }

    public Optional<Row> of(UUID jobId, String subjectPseudonym) {
        List<Row> rows = query("SELECT * FROM fit_result WHERE job_id = ? AND subject_pseudonym = ?", jobId,
                subjectPseudonym);
        return rows.stream().findFirst();
    }

    public List<Row> allOf(String subjectPseudonym) {
        return query("SELECT * FROM fit_result WHERE subject_pseudonym = ? ORDER BY created_at", subjectPseudonym);
    }

    public int deleteAllOf(String subjectPseudonym) {
        return update("DELETE FROM fit_result WHERE subject_pseudonym = ?", subjectPseudonym);
    }

    public int deleteOlderThan(Instant cutoff) {
        return update("DELETE FROM fit_result WHERE created_at < ?", Timestamp.from(cutoff));
    }

    private int update(String sql, Object parameter) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("fit_result update failed", e);
        }
    }

    private List<Row> query(String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getObject("job_id", UUID.class), r.getString("subject_pseudonym"),
                            r.getTimestamp("created_at").toInstant(), r.getDouble("silhouette_rms_cm"),
                            r.getBytes("measurements_sealed"), r.getBytes("glb_sealed"), r.getBytes("obj_sealed")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("fit_result read failed", e);
        }
    }
}
