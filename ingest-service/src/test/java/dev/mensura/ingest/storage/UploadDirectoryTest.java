package dev.mensura.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** I1 at start-up: the service refuses a disk-backed upload directory unless explicitly allowed. */
class UploadDirectoryTest {

    private static Path diskDir() throws IOException {
        Path dir = Path.of("target", "disk-upload-" + UUID.randomUUID()).toAbsolutePath();
        assumeThat(MountTable.ofThisProcess().isRam(Path.of("target").toRealPath()))
                .as("target/ must be on a disk for this test").isFalse();
        return dir;
    }

    @Test
    void refusesADiskBackedDirectory() throws IOException {
        UploadDirectory upload = new UploadDirectory(diskDir(), false);
        assertThatThrownBy(upload::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a RAM filesystem").hasMessageNotContaining("target");
    }

    @Test
    void startsOnDiskOnlyWithTheExplicitFlagAndSaysSoLoudly() throws IOException {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(UploadDirectory.class.getName());
        logger.addHandler(capture);
        try {
            UploadDirectory upload = new UploadDirectory(diskDir(), true);
            upload.check();
            assertThat(upload.onRam()).isFalse();
            upload.warnIfOnDisk(); // what the scheduler runs every minute
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(records).filteredOn(r -> r.getLevel().intValue() == Level.WARNING.intValue())
                .hasSize(2).allSatisfy(r -> assertThat(r.getMessage()).contains("UNSAFE").doesNotContain("target"));
    }

    @Test
    void acceptsTmpfsAndCreatesTheDirectoryOwnerOnly() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeThat(Files.isDirectory(shm) && MountTable.ofThisProcess().isRam(shm.toRealPath())).isTrue();
        Path dir = shm.resolve("mensura-unit-" + UUID.randomUUID());
        try {
            UploadDirectory upload = new UploadDirectory(dir, false);
            upload.check();
            assertThat(upload.onRam()).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
