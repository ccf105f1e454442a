package dev.mensura.ingest.job;

import java.util.Arrays;

public enum JobStatus {
    QUEUED("queued"), PROCESSING("processing"), COMPLETED("completed"), FAILED("failed");

    private final String slug;

    JobStatus(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED;
    }

    public static JobStatus fromSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job status"));
    }
}
