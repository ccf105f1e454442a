package dev.mensura.ingest.storage;

import dev.mensura.privacykit.masking.PiiMasker;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one place photo bytes may be written (I1). At start it checks that the directory is a RAM
 * filesystem and refuses to start otherwise, unless the development flag allows disk, which is
 * then logged at WARN at start and every minute so nobody runs that way by accident.
 */
@Startup
@ApplicationScoped
public class UploadDirectory {
    private static final Logger LOG = Logger.getLogger(UploadDirectory.class);

    private final Path configured;
    private final boolean allowDisk;
    private Path directory;
    private boolean onRam;

    public UploadDirectory(@ConfigProperty(name = "mensura.ingest.upload-dir") Path configured,
                           @ConfigProperty(name = "mensura.ingest.allow-disk-uploads", defaultValue = "false")
                           boolean allowDisk) {
        this.configured = configured;
        this.allowDisk = allowDisk;
    }

    @PostConstruct
    public void check() {
        // ImageIO's stream cache would spill image bytes to java.io.tmpdir on disk (I1).
        javax.imageio.ImageIO.setUseCache(false);
        try {
            Files.createDirectories(configured, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            directory = configured.toRealPath();
            // Should a path ever reach a log line, the PII filter masks it (I6).
            PiiMasker.registerSensitivePathPrefix(configured.toAbsolutePath().toString());
            PiiMasker.registerSensitivePathPrefix(directory.toString());
            onRam = MountTable.ofThisProcess().isRam(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("upload directory cannot be prepared", e);
        }
        if (!onRam && !allowDisk) {
            // No path in the message (I6); the operator knows which directory is configured.
            throw new IllegalStateException("The upload directory is not a RAM filesystem (tmpfs/ramfs). Photos must "
                    + "never touch a disk (I1): mount an emptyDir with medium Memory there, or set "
                    + "mensura.ingest.allow-disk-uploads=true for development only.");
        }
        warnIfOnDisk();
    }

    @Scheduled(every = "60s", delayed = "60s")
    void warnIfOnDisk() {
        if (!onRam) {
            LOG.warn("UNSAFE: photo uploads are written to a disk-backed directory because "
                    + "mensura.ingest.allow-disk-uploads=true. Never run this way in production (I1).");
        }
    }

    public Path path() {
        return directory;
    }

    public boolean onRam() {
        return onRam;
    }

    /** Fraction of the filesystem in use, 0..1, for readiness. */
    public double usedFraction() {
        try {
            FileStore store = Files.getFileStore(directory);
            long total = store.getTotalSpace();
            return total == 0 ? 1.0 : 1.0 - (double) store.getUsableSpace() / total;
        } catch (IOException e) {
            return 1.0;
        }
    }
}
