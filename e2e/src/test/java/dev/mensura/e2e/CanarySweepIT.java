package dev.mensura.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.testkit.CanaryScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * I1 after everything above (the journey, the crashes, the restarts, the load): a slice of the
 * pixel data of every photo uploaded in this run, raw and base64, is nowhere outside the tmpfs:
 * not in PostgreSQL's data directory, not in Kafka's log dirs, not in any service's log or
 * temporary files, not in anything this run wrote under /tmp or the repository, not in any
 * response a client saw.
 */
@Order(5)
class CanarySweepIT {

    @Test
    void noByteOfAnyUploadedPhotoIsAnywhereOutsideTheTmpfs() throws Exception {
        Suite suite = Suite.get();
        assertThat(Photos.canaryCount()).as("photos uploaded in this run").isGreaterThanOrEqualTo(20);
        List<byte[]> canaries = Photos.canariesWithEncodings();

        // what PostgreSQL holds in shared buffers, written to its files first
        try (Connection c = suite.postgres.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
        List<Path> roots = new ArrayList<>(List.of(suite.postgres.dataDirectory(), suite.kafka.directory(),
                Path.of(System.getProperty("java.io.tmpdir")), suite.repo));
        roots.addAll(suite.processDirectories());

        // the sweep finds a canary where one is: a file planted with one, then removed
        Path planted = Files.write(suite.repo.resolve("e2e/target/planted-canary.bin"), canaries.get(0));
        assertThat(CanaryScan.filesContainingAnyBytes(List.of(planted.getParent()), suite.startedAt, canaries))
                .contains(planted);
        Files.delete(planted);

        assertThat(CanaryScan.filesContainingAnyBytes(roots, suite.startedAt, canaries))
                .as("files written during this run that hold a photo's bytes").isEmpty();
        assertThat(App.responsesSeen()).as("responses that echo a photo")
                .noneMatch(CanaryScan.containsAnyOf(canaries));
    }
}
