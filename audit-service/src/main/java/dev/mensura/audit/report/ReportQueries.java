package dev.mensura.audit.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The report's figures, computed in PostgreSQL from the entries' JSON. */
@ApplicationScoped
public class ReportQueries {
    /** I2: a photo never lives longer than this. */
    static final Duration MAX_LIFETIME = Duration.ofSeconds(300);
    static final List<String> REQUEST_TYPES = List.of("erasure", "export");
    private static final String E = "convert_from(entry, 'UTF8')::jsonb";

    private final DataSource db;

    public ReportQueries(DataSource db) {
        this.db = db;
    }

    public DailyReport daily(LocalDate date) {
        Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plus(Duration.ofDays(1));
        try (Connection c = db.getConnection()) {
            var photos = photos(c, from, to);
            var lifetimes = lifetimes(c, from, to);
            Map<String, DailyReport.Requests> requests = new TreeMap<>();
            for (String type : REQUEST_TYPES) {
                requests.put(type, requests(c, type, from, to));
            }
            var purges = purges(c, from, to);
            var auth = authFailures(c, from, to);
            List<String> flags = new ArrayList<>();
            if (photos.unaccounted() > 0) {
                flags.add("received-not-destroyed");
            }
            if (lifetimes.overLimit() > 0) {
                flags.add("lifetime-over-limit");
            }
            return new DailyReport(date, photos, lifetimes, requests, purges, auth, flags);
        } catch (SQLException e) {
            throw new IllegalStateException("report not computed: " + e.getSQLState(), e);
        }
    }

    /** Photos received more than 300 s ago with no successful destruction, over the whole log. */
    public long unaccountedPhotos() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from log_entry r where r.action = 'photo.received'"
                     + " and r.entry_time < ? and not exists (" + destroyedOf("r") + ")")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(MAX_LIFETIME)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("count not computed: " + e.getSQLState(), e);
        }
    }

    private static String destroyedOf(String received) {
        return "select 1 from log_entry d where d.action = 'photo.destroyed' and d.resource = " + received + ".resource"
                + " and convert_from(d.entry, 'UTF8')::jsonb ->> 'outcome' = 'success'";
    }

    private static DailyReport.Photos photos(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*),"
                + " count(*) filter (where exists (" + destroyedOf("r") + ")),"
                + " count(*) filter (where r.entry_time < ? and not exists (" + destroyedOf("r") + "))"
                + " from log_entry r where r.action = 'photo.received' and r.entry_time >= ? and r.entry_time < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(MAX_LIFETIME)));
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new DailyReport.Photos(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        countAction(c, "photo.destroyed", from, to));
            }
        }
    }

    private static DailyReport.Lifetimes lifetimes(Connection c, Instant from, Instant to) throws SQLException {
        String ms = "(" + E + " -> 'details' ->> 'lifetimeMs')::bigint";
        try (PreparedStatement ps = c.prepareStatement("select count(" + ms + "),"
                + " percentile_disc(0.5) within group (order by " + ms + "),"
                + " percentile_disc(0.95) within group (order by " + ms + "),"
                + " percentile_disc(0.99) within group (order by " + ms + "),"
                + " max(" + ms + "), count(*) filter (where " + ms + " > ?)"
                + " from log_entry where action = 'photo.destroyed' and " + E + " ->> 'outcome' = 'success'"
                + " and entry_time >= ? and entry_time < ?")) {
            ps.setLong(1, MAX_LIFETIME.toMillis());
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new DailyReport.Lifetimes(rs.getLong(1), nullable(rs, 2), nullable(rs, 3), nullable(rs, 4),
                        nullable(rs, 5), rs.getLong(6));
            }
        }
    }

    /** Requested and completed that day; durations of those completed that day, matched by request id. */
    private static DailyReport.Requests requests(Connection c, String type, Instant from, Instant to)
            throws SQLException {
        long requested = countAction(c, "subject." + type + ".requested", from, to);
        try (PreparedStatement ps = c.prepareStatement("select count(*),"
                + " avg(extract(epoch from (done.entry_time - asked.entry_time)) * 1000)::bigint,"
                + " max(extract(epoch from (done.entry_time - asked.entry_time)) * 1000)::bigint"
                + " from log_entry done left join log_entry asked on asked.action = ?"
                + " and convert_from(asked.entry, 'UTF8')::jsonb ->> 'correlationId'"
                + " = convert_from(done.entry, 'UTF8')::jsonb ->> 'correlationId'"
                + " where done.action = ? and done.entry_time >= ? and done.entry_time < ?")) {
            ps.setString(1, "subject." + type + ".requested");
            ps.setString(2, "subject." + type + ".completed");
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new DailyReport.Requests(requested, rs.getLong(1), nullable(rs, 2), nullable(rs, 3));
            }
        }
    }

    private static Map<String, DailyReport.Purges> purges(Connection c, Instant from, Instant to) throws SQLException {
        Map<String, DailyReport.Purges> purges = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("select " + E + " -> 'details' ->> 'category', count(*),"
                + " coalesce(sum((" + E + " -> 'details' ->> 'rows')::bigint), 0)"
                + " from log_entry where action = 'retention.purged' and entry_time >= ? and entry_time < ? group by 1")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    purges.put(String.valueOf(rs.getString(1)), new DailyReport.Purges(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return purges;
    }

    /** Entries of action {@code auth.failed} or {@code auth.denied}, by the service that reported them. */
    private static Map<String, Long> authFailures(Connection c, Instant from, Instant to) throws SQLException {
        Map<String, Long> failures = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("select " + E + " ->> 'source', count(*) from log_entry"
                + " where action in ('auth.failed', 'auth.denied') and entry_time >= ? and entry_time < ? group by 1")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String source = rs.getString(1);
                    failures.put(source.startsWith("/mensura/") ? source.substring(9) : source, rs.getLong(2));
                }
            }
        }
        return failures;
    }

    private static long countAction(Connection c, String action, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from log_entry where action = ? and entry_time >= ? and entry_time < ?")) {
            ps.setString(1, action);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
