package dev.mensura.ingest.storage;

import dev.mensura.privacykit.destruction.SecureDestruction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Writes stripped photos into the RAM upload directory and keeps track of every one of them
 * until it is destroyed. File names are random plus the view and the job's pseudonym
 * ({@link PhotoFileName}: nothing about the subject, enough for the crash sweep to name the job),
 * files are created with mode 0600 in one step, never widened.
 */
@ApplicationScoped
public class PhotoVault {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final UploadDirectory directory;
    private final ConcurrentMap<String, StoredPhoto> held = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public PhotoVault(UploadDirectory directory) {
        this.directory = directory;
    }

    public StoredPhoto store(UUID jobId, String view, byte[] bytes) throws IOException {
        return store(jobId, null, view, bytes);
    }

    /** Stores a photo under a name that carries its view and job pseudonym (see {@link PhotoFileName}). */
    public StoredPhoto store(UUID jobId, String jobPseudonym, String view, byte[] bytes) throws IOException {
        String id = PhotoFileName.newName(view, jobPseudonym);
        Path file = directory.path().resolve(id);
        try {
            writePrivate(file, bytes);
        } catch (IOException e) {
            // A half-written file would be tracked by nobody: wipe what made it to the tmpfs.
            if (Files.exists(file)) {
                SecureDestruction.destroy(file);
            }
            throw e;
        }
        StoredPhoto photo = new StoredPhoto(id, jobId, view, file, bytes.length, clock.instant());
        held.put(id, photo);
        return photo;
    }

    /** Creates {@code file} with mode 0600 and writes {@code bytes}; shared with the benchmark. */
    public static void writePrivate(Path file, byte[] bytes) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    public byte[] read(StoredPhoto photo) throws IOException {
        return Files.readAllBytes(photo.file());
    }

    /** Files untracked and older than {@code limit}: leftovers of a failed write or destroy, swept by the timer. */
    public List<Path> untrackedFilesOlderThan(Instant limit) throws IOException {
        List<Path> old = new java.util.ArrayList<>();
        for (Path file : untrackedFiles()) {
            try {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(limit)) {
                    old.add(file);
                }
            } catch (IOException gone) {
                // destroyed meanwhile
            }
        }
        return old;
    }

    public Optional<StoredPhoto> find(String id) {
        return Optional.ofNullable(held.get(id));
    }

    /**
     * Removes the photo from tracking and wipes its file. Only the first caller gets the photo
     * back, so concurrent destroyers (job end, timer, shutdown) destroy it exactly once.
     */
    public Optional<Wiped> wipe(String id) throws IOException {
        StoredPhoto photo = held.remove(id);
        if (photo == null) {
            return Optional.empty();
        }
        try {
            var result = SecureDestruction.destroy(photo.file());
            return Optional.of(new Wiped(photo, result.bytesOverwritten(), result.verifiedGone()));
        } catch (IOException | RuntimeException e) {
            // Still there: tracked again so the lifetime timer tries once more, instead of nobody knowing.
            held.putIfAbsent(id, photo);
            throw e;
        }
    }

    /**
     * Takes the photo out of the vault for its single hand-over: its bytes in memory, its file
     * wiped before they are sent anywhere. Concurrent destroyers no longer see it.
     */
    public Optional<CheckedOut> checkOut(String id) throws IOException {
        StoredPhoto photo = held.remove(id);
        if (photo == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(photo.file());
        } catch (IOException e) {
            held.putIfAbsent(id, photo);
            throw e;
        }
        try {
            var result = SecureDestruction.destroy(photo.file());
            return Optional.of(new CheckedOut(new Wiped(photo, result.bytesOverwritten(), result.verifiedGone()), bytes));
        } catch (IOException | RuntimeException e) {
            SecureDestruction.zero(bytes);
            held.putIfAbsent(id, photo);
            throw e;
        }
    }

    /** A photo's bytes in memory (zero them once sent) and the record of its wiped file. */
    public record CheckedOut(Wiped wiped, byte[] bytes) {
    }

    public record Wiped(StoredPhoto photo, long bytesOverwritten, boolean verifiedGone) {
    }

    public List<StoredPhoto> photosOf(UUID jobId) {
        return held.values().stream().filter(p -> p.jobId().equals(jobId)).toList();
    }

    public List<StoredPhoto> storedBefore(Instant limit) {
        return held.values().stream().filter(p -> p.storedAt().isBefore(limit)).toList();
    }

    public Collection<StoredPhoto> all() {
        return List.copyOf(held.values());
    }

    public long bytesHeld() {
        return held.values().stream().mapToLong(StoredPhoto::sizeBytes).sum();
    }

    public long jobsHoldingPhotos() {
        return held.values().stream().map(StoredPhoto::jobId).distinct().count();
    }

    /** Files in the directory this process does not track: left by a crash, to be swept. */
    public List<Path> untrackedFiles() throws IOException {
        Set<Path> tracked = Set.copyOf(held.values().stream().map(StoredPhoto::file).toList());
        try (var files = Files.list(directory.path())) {
            return files.filter(Files::isRegularFile).filter(f -> !tracked.contains(f)).toList();
        }
    }
}
