package dev.mensura.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PhotoVaultTest {
    private Path dir;
    private PhotoVault vault;

    @BeforeEach
    void setUp() throws IOException {
        assumeThat(Files.isDirectory(Path.of("/dev/shm"))).isTrue();
        dir = Path.of("/dev/shm", "mensura-vault-" + UUID.randomUUID());
        UploadDirectory upload = new UploadDirectory(dir, false);
        upload.check();
        vault = new PhotoVault(upload);
    }

    @AfterEach
    void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Test
    void storesOwnerOnlyUnderARandomNameAndWipesExactlyOnce() throws IOException {
        UUID job = UUID.randomUUID();
        StoredPhoto photo = vault.store(job, "front", new byte[] {1, 2, 3, 4});

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(photo.file()))).isEqualTo("rw-------");
        assertThat(photo.file().getFileName().toString()).doesNotContain(job.toString()).doesNotContain("front");
        assertThat(vault.read(photo)).containsExactly(1, 2, 3, 4);
        assertThat(vault.jobsHoldingPhotos()).isEqualTo(1);
        assertThat(vault.bytesHeld()).isEqualTo(4);

        var wiped = vault.wipe(photo.id());
        assertThat(wiped).isPresent();
        assertThat(wiped.get().verifiedGone()).isTrue();
        assertThat(wiped.get().bytesOverwritten()).isEqualTo(4);
        assertThat(Files.exists(photo.file())).isFalse();
        assertThat(vault.wipe(photo.id())).isEmpty();
        assertThat(vault.bytesHeld()).isZero();
    }

    @Test
    void filesNobodyTracksAreReportedForTheSweep() throws IOException {
        StoredPhoto tracked = vault.store(UUID.randomUUID(), "side", new byte[10]);
        Path stray = Files.write(dir.resolve("stray"), new byte[3]);
        assertThat(vault.untrackedFiles()).containsExactly(stray).doesNotContain(tracked.file());
    }
}
