package dev.mensura.ingest.job;

import java.util.List;

/**
 * The order of a job's stages: {@code queued}, {@code vision}, {@code fitting}, then an end
 * ({@code done} or {@code failed}). Events arrive at least once and in any order across topics,
 * so a job only ever moves forward along it.
 */
final class JobStages {
    private static final List<String> ORDER = List.of("queued", "vision", "fitting");
    /** The rank of the row's current stage, as {@link #rank} computes it. */
    static final String RANK_SQL = "(case stage when 'queued' then 0 when 'vision' then 1 when 'fitting' then 2 else 3 end)";

    private JobStages() {
    }

    /** 0 queued, 1 vision, 2 fitting, 3 anything else (an end, or a stage this version does not know). */
    static int rank(String stage) {
        int i = ORDER.indexOf(stage);
        return i < 0 ? ORDER.size() : i;
    }
}
