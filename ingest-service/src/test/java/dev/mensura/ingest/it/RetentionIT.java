package dev.mensura.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.events.Topics;
import dev.mensura.ingest.retention.JobHistoryRetention;
import dev.mensura.testkit.EmbeddedPostgres;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Job history past its retention is purged, the purge is audited, younger jobs stay. */
@QuarkusTest
class RetentionIT {
    @Inject
    JobHistoryRetention retention;

    @Test
    void jobsOlderThanNinetyDaysArePurgedAndAudited() throws Exception {
        UUID old = insertJob(OffsetDateTime.now(ZoneOffset.UTC).minusDays(91));
        UUID young = insertJob(OffsetDateTime.now(ZoneOffset.UTC).minusDays(89));

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(Ingest.jobColumn(old.toString(), "id")).isNull();
        assertThat(Ingest.jobColumn(young.toString(), "id")).isNotNull();
        var audit = Ingest.read(Topics.AUDIT_EVENTS, r -> r.value().contains("retention.purged"), l -> !l.isEmpty(),
                Duration.ofSeconds(20));
        assertThat(audit).isNotEmpty();
        assertThat(audit.get(0).value()).contains("\"category\":\"job-history\"");
    }

    private static UUID insertJob(OffsetDateTime created) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = EmbeddedPostgres.get().connect("mensura_ingest");
             PreparedStatement s = c.prepareStatement("insert into job (id, subject_pseudonym, status, stage, progress, "
                     + "blur_faces, front_orientation, side_orientation, created_at, updated_at) "
                     + "values (?, 'retention-test', 'completed', 'done', 100, false, 1, 1, ?, ?)")) {
            s.setObject(1, id);
            s.setObject(2, created);
            s.setObject(3, created);
            s.executeUpdate();
        }
        return id;
    }
}
