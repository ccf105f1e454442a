package dev.mensura.audit.log;

import dev.mensura.tlog.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The log in PostgreSQL. Appends take a transaction-scoped advisory lock, so exactly one
 * sequencer assigns indexes at a time across every replica, and a replica that dies mid-append
 * loses nothing but its own uncommitted row; appends are idempotent by event id.
 */
@ApplicationScoped
public class LogStore {
    /** "mens" + "audt": the advisory lock every replica sequences appends under. */
    static final long SEQUENCER_LOCK = 0x6d656e7361756474L;

    private final DataSource db;

    public LogStore(DataSource db) {
        this.db = db;
    }

    public record Appended(long index, boolean isNew) {
    }

    public record StoredEntry(long index, String eventId, byte[] entry, byte[] leafHash, Instant appendedAt) {
    }

    public record StoredCheckpoint(long size, byte[] rootHash, String note, Instant signedAt) {
    }

    public Appended append(AuditEntry entry) {
        return appendAll(List.of(entry)).get(0);
    }

    /**
     * Appends a batch in one transaction (one lock, one commit: what makes thousands of entries a
     * second possible). Entries already in the log, or twice in the batch, keep their first index.
     * Answers in the batch's order.
     */
    public List<Appended> appendAll(List<AuditEntry> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                lock(c);
                Map<String, Long> known = indexesOf(c, batch);
                long next;
                try (ResultSet rs = c.createStatement().executeQuery("select coalesce(max(idx) + 1, 0) from log_entry")) {
                    rs.next();
                    next = rs.getLong(1);
                }
                List<Appended> answers = new ArrayList<>(batch.size());
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement ps = c.prepareStatement("insert into log_entry (idx, event_id, entry, leaf_hash,"
                        + " appended_at, action, resource, entry_time) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (AuditEntry entry : batch) {
                        Long existing = known.get(entry.eventId());
                        if (existing != null) {
                            answers.add(new Appended(existing, false));
                            continue;
                        }
                        known.put(entry.eventId(), next);
                        ps.setLong(1, next);
                        ps.setString(2, entry.eventId());
                        ps.setBytes(3, entry.canonical());
                        ps.setBytes(4, Hashes.leaf(entry.canonical()));
                        ps.setTimestamp(5, now);
                        ps.setString(6, entry.json().get("action").asText());
                        ps.setString(7, entry.json().get("resource").asText());
                        ps.setTimestamp(8, Timestamp.from(Instant.parse(entry.json().get("time").asText())));
                        ps.addBatch();
                        answers.add(new Appended(next++, true));
                    }
                    ps.executeBatch();
                }
                c.commit();
                return answers;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit append failed: " + e.getSQLState(), e);
        }
    }

    /** Leaf hashes from index {@code from} on, in order. */
    public List<byte[]> leavesFrom(long from) {
        List<byte[]> leaves = new ArrayList<>();
        query("select leaf_hash from log_entry where idx >= ? order by idx", rs -> leaves.add(rs.getBytes(1)), from);
        return leaves;
    }

    /** Entries with {@code start <= index < end}. */
    public List<StoredEntry> entries(long start, long end) {
        return readEntries("idx >= ? and idx < ?", start, end);
    }

    /** Entries whose resource starts with {@code prefix} (e.g. one job's photos), in log order. */
    public List<StoredEntry> entriesUnder(String prefix) {
        return readEntries("resource like ?", likePrefix(prefix));
    }

    /**
     * Entries about a subject: its own (resource {@code subject:<pseudonym>...}, or the subject as
     * actor) and every entry about the photos of its jobs (the jobs its {@code photo.received}
     * entries name it on).
     */
    public List<StoredEntry> entriesAbout(String subjectPseudonym) {
        String subject = "subject:" + subjectPseudonym;
        return readEntries("resource = ? or resource like ? or split_part(resource, '/', 1) in ("
                        + "select distinct split_part(resource, '/', 1) from log_entry where action = 'photo.received'"
                        + " and convert_from(entry, 'UTF8')::jsonb -> 'details' ->> 'subject' = ?)"
                        + " or convert_from(entry, 'UTF8')::jsonb ->> 'actor' in (?, ?)",
                subject, likePrefix(subject + "/"), subjectPseudonym, subjectPseudonym, subject);
    }

    /** Entries matching {@code where} (with its parameters), in log order. */
    private List<StoredEntry> readEntries(String where, Object... parameters) {
        List<StoredEntry> entries = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select idx, event_id, entry, leaf_hash, appended_at from log_entry where " + where + " order by idx")) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new StoredEntry(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit log not read: " + e.getSQLState(), e);
        }
        return entries;
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public Optional<StoredCheckpoint> latestCheckpoint() {
        List<StoredCheckpoint> found = checkpoints("select size, root_hash, note, signed_at from checkpoint "
                + "order by size desc limit 1");
        return found.stream().findFirst();
    }

    public List<StoredCheckpoint> allCheckpoints() {
        return checkpoints("select size, root_hash, note, signed_at from checkpoint order by size");
    }

    /** Stores a checkpoint unless one of that size exists (another replica was first). */
    public void saveCheckpoint(long size, byte[] root, String note) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into checkpoint (size, root_hash, note, signed_at) "
                     + "values (?, ?, ?, ?) on conflict (size) do nothing")) {
            ps.setLong(1, size);
            ps.setBytes(2, root);
            ps.setString(3, note);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("checkpoint not stored: " + e.getSQLState(), e);
        }
    }

    private List<StoredCheckpoint> checkpoints(String sql) {
        List<StoredCheckpoint> found = new ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                found.add(new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("checkpoints not read: " + e.getSQLState(), e);
        }
        return found;
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, SEQUENCER_LOCK);
            ps.execute();
        }
    }

    private static Map<String, Long> indexesOf(Connection c, List<AuditEntry> batch) throws SQLException {
        Map<String, Long> known = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select event_id, idx from log_entry where event_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", batch.stream().map(AuditEntry::eventId).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return known;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader, long... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit log not read: " + e.getSQLState(), e);
        }
    }
}
