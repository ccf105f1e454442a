package dev.mensura.vision.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The jobs this process has taken lately. Kafka delivers at least once: after a broker restart or
 * a rebalance, photo.received records whose offsets were not yet committed come again. Their
 * hand-over tokens were spent by the first delivery (single use, I1), so fetching again could only
 * fail a job that is already done; a redelivery to the process that took the job is skipped. A
 * redelivery to another process still fails with "photo-unavailable", which ingest ignores once
 * the job is past vision.
 */
final class RecentJobs {
    private final Map<String, Boolean> taken;

    RecentJobs(int capacity) {
        this.taken = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code jobId} is new to this process; it is remembered from now on. */
    synchronized boolean firstTime(String jobId) {
        return taken.putIfAbsent(jobId, Boolean.TRUE) == null;
    }
}
