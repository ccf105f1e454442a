package dev.mensura.audit.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One UTC day of the log as a compliance officer reads it. Counts and durations only: the log
 * holds no personal data, and neither does anything computed from it.
 *
 * @param photos      received that day and what became of them
 * @param lifetimes   of the photos destroyed that day
 * @param requests    data-subject requests by type
 * @param purges      retention purges by data category: runs and rows
 * @param authFailures failed logins and denied requests by reporting service
 * @param flags       what needs a human: {@code received-not-destroyed}, {@code lifetime-over-limit}
 */
public record DailyReport(LocalDate date, Photos photos, Lifetimes lifetimes, Map<String, Requests> requests,
                          Map<String, Purges> purges, Map<String, Long> authFailures, List<String> flags) {

    /** {@code unaccounted}: received, no successful destruction, and older than the 300 s promise. */
    public record Photos(long received, long destroyedOfReceived, long unaccounted, long destructionsThatDay) {
    }

    public record Lifetimes(long count, Long p50Ms, Long p95Ms, Long p99Ms, Long maxMs, long overLimit) {
    }

    public record Requests(long requested, long completed, Long meanDurationMs, Long maxDurationMs) {
    }

    public record Purges(long runs, long rows) {
    }

    /** The same figures as {@code metric,key,value} lines. */
    public String csv() {
        List<String> lines = new ArrayList<>();
        lines.add("metric,key,value");
        lines.add("date,," + date);
        lines.add("photos.received,," + photos.received());
        lines.add("photos.destroyed_of_received,," + photos.destroyedOfReceived());
        lines.add("photos.unaccounted,," + photos.unaccounted());
        lines.add("photos.destructions_that_day,," + photos.destructionsThatDay());
        lines.add("lifetime.count,," + lifetimes.count());
        lines.add("lifetime.p50_ms,," + blank(lifetimes.p50Ms()));
        lines.add("lifetime.p95_ms,," + blank(lifetimes.p95Ms()));
        lines.add("lifetime.p99_ms,," + blank(lifetimes.p99Ms()));
        lines.add("lifetime.max_ms,," + blank(lifetimes.maxMs()));
        lines.add("lifetime.over_limit,," + lifetimes.overLimit());
        requests.forEach((type, r) -> {
            lines.add("requests.requested," + type + "," + r.requested());
            lines.add("requests.completed," + type + "," + r.completed());
            lines.add("requests.mean_duration_ms," + type + "," + blank(r.meanDurationMs()));
            lines.add("requests.max_duration_ms," + type + "," + blank(r.maxDurationMs()));
        });
        purges.forEach((category, p) -> {
            lines.add("retention.purge_runs," + category + "," + p.runs());
            lines.add("retention.purged_rows," + category + "," + p.rows());
        });
        authFailures.forEach((service, n) -> lines.add("auth.failures," + service + "," + n));
        flags.forEach(flag -> lines.add("flag," + flag + ",1"));
        return String.join("\n", lines) + "\n";
    }

    private static String blank(Long value) {
        return value == null ? "" : value.toString();
    }
}
