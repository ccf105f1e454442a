package dev.mensura.ingest.upload;

import dev.mensura.events.data.PhotoReceived;
import dev.mensura.ingest.capacity.UploadCapacity;
import dev.mensura.ingest.consent.ConsentGate;
import dev.mensura.ingest.destruction.DestructionReason;
import dev.mensura.ingest.destruction.PhotoDestroyer;
import dev.mensura.ingest.events.EventPublisher;
import dev.mensura.ingest.handover.HandoverTokens;
import dev.mensura.ingest.job.Job;
import dev.mensura.ingest.job.JobRepository;
import dev.mensura.ingest.job.JobStatus;
import dev.mensura.ingest.photo.PhotoLimits;
import dev.mensura.ingest.photo.PhotoRejectedException;
import dev.mensura.ingest.photo.PhotoSanitizer;
import dev.mensura.ingest.photo.SanitizedPhoto;
import dev.mensura.ingest.storage.PhotoVault;
import dev.mensura.ingest.storage.StoredPhoto;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.crypto.SubjectErasedException;
import dev.mensura.privacykit.destruction.SecureDestruction;
import dev.mensura.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Accepts one job: consent, capacity, parse, validate, strip, store, record, announce. Every
 * check that can refuse runs before anything is written; if a later step fails, what was
 * already written is destroyed and the row removed, so a refusal leaves nothing behind.
 */
@ApplicationScoped
public class JobIntake {
    private static final Logger LOG = Logger.getLogger(JobIntake.class);
    static final String FRONT = "front";
    static final String SIDE = "side";
    static final String HEIGHT = "heightCm";
    static final String BLUR = "blurFaces";

    private final ConsentGate consent;
    private final UploadCapacity capacity;
    private final PhotoVault vault;
    private final PhotoDestroyer destroyer;
    private final HandoverTokens tokens;
    private final JobRepository jobs;
    private final EventPublisher events;
    private final PhotoSanitizer sanitizer;
    private final MultipartReader reader;
    private final SubjectCrypto crypto;
    private final String handoverBaseUrl;

    public JobIntake(ConsentGate consent, UploadCapacity capacity, PhotoVault vault, PhotoDestroyer destroyer,
                     HandoverTokens tokens, JobRepository jobs, EventPublisher events, SubjectCrypto crypto,
                     @ConfigProperty(name = "mensura.ingest.max-photo-bytes", defaultValue = "15728640") long maxPhotoBytes,
                     @ConfigProperty(name = "mensura.ingest.max-pixels", defaultValue = "50000000") long maxPixels,
                     @ConfigProperty(name = "mensura.ingest.max-side", defaultValue = "12000") int maxSide,
                     @ConfigProperty(name = "mensura.ingest.handover-base-url") String handoverBaseUrl) {
        this.consent = consent;
        this.capacity = capacity;
        this.vault = vault;
        this.destroyer = destroyer;
        this.tokens = tokens;
        this.jobs = jobs;
        this.events = events;
        this.crypto = crypto;
        this.handoverBaseUrl = handoverBaseUrl;
        this.sanitizer = new PhotoSanitizer(new PhotoLimits(maxPhotoBytes, maxPixels, maxSide));
        // Two photos plus the small fields and multipart framing.
        this.reader = new MultipartReader(2 * maxPhotoBytes + 64 * 1024, Set.of(FRONT, SIDE), Set.of(HEIGHT, BLUR));
    }

    public long maxRequestBytes() {
        return 2 * sanitizer.limits().maxBytes() + 64 * 1024;
    }

    public Job accept(String subjectPseudonym, String contentType, long declaredLength, InputStream body) throws IOException {
        consent.requireGranted(subjectPseudonym);
        try (UploadCapacity.Reservation reservation = capacity.reserve(
                declaredLength > 0 ? Math.min(declaredLength, maxRequestBytes()) : maxRequestBytes());
             MultipartUpload upload = reader.read(contentType, body)) {
            int heightCm = heightOf(upload);
            boolean blurFaces = blurOf(upload);
            SanitizedPhoto front = sanitize(upload, FRONT);
            SanitizedPhoto side;
            try {
                side = sanitize(upload, SIDE);
            } catch (RuntimeException e) {
                SecureDestruction.zero(front.bytes());
                throw e;
            }
            try {
                return store(subjectPseudonym, heightCm, blurFaces, front, side);
            } finally {
                SecureDestruction.zero(front.bytes(), side.bytes());
                reservation.close();
            }
        }
    }

    private Job store(String subject, int heightCm, boolean blurFaces, SanitizedPhoto front, SanitizedPhoto side)
            throws IOException {
        UUID jobId = UUID.randomUUID();
        Instant now = Instant.now();
        Job job = new Job(jobId, subject, JobStatus.QUEUED, "queued", 5, "Photos received; waiting for analysis",
                heightCm, blurFaces, facts(front), facts(side), now, now);
        // The row first: it needs the subject's key, and without one no photo is written at all.
        recordOrRefuse(job);
        List<StoredPhoto> stored = new ArrayList<>(2);
        try {
            // Each photo is counted received the moment it exists, so received == destroyed holds on every path.
            String jobPseudonym = destroyer.jobPseudonym(jobId);
            stored.add(vault.store(jobId, jobPseudonym, FRONT, front.bytes()));
            destroyer.received(stored.get(0), subject);
            stored.add(vault.store(jobId, jobPseudonym, SIDE, side.bytes()));
            destroyer.received(stored.get(1), subject);
            List<PhotoReceived.PhotoRef> refs = List.of(ref(stored.get(0), front), ref(stored.get(1), side));
            Integer focal = front.focalLength35mm() != null ? front.focalLength35mm() : side.focalLength35mm();
            String sealedHeight = crypto.encryptToBase64(subject, PhotoReceived.HEIGHT_PLACE, Integer.toString(heightCm));
            events.photoReceived(new PhotoReceived(jobId.toString(), subject, refs, sealedHeight, blurFaces, focal),
                    destroyer.jobPseudonym(jobId));
            return job;
        } catch (IOException | RuntimeException e) {
            LOG.errorf("job could not be accepted, rolling back: %s", e.getClass().getSimpleName());
            stored.forEach(photo -> {
                tokens.revokeFor(photo.id());
                destroyer.destroy(photo, DestructionReason.REJECTED);
            });
            jobs.delete(jobId).await().indefinitely();
            throw unavailable();
        }
    }

    private void recordOrRefuse(Job job) {
        try {
            jobs.insert(job).await().indefinitely();
        } catch (SubjectErasedException e) {
            throw new ProblemException("subject-erased", "Subject erased", 403,
                    "This subject's data has been erased; grant consent again to start anew. Nothing was stored.");
        } catch (RuntimeException e) {
            LOG.errorf("job could not be recorded: %s", e.getClass().getSimpleName());
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException("temporarily-unavailable", "Upload could not be completed", 503,
                "A backing service did not answer; nothing was kept. Try again later.");
    }

    private PhotoReceived.PhotoRef ref(StoredPhoto stored, SanitizedPhoto photo) {
        String mediaType = photo.format().mediaType();
        String token = tokens.issue(stored.id(), mediaType);
        return new PhotoReceived.PhotoRef(stored.view(), token, handoverBaseUrl + "/internal/photos/" + token,
                mediaType, photo.width(), photo.height(), photo.orientation());
    }

    private static Job.PhotoFacts facts(SanitizedPhoto photo) {
        return new Job.PhotoFacts(photo.orientation(), photo.focalLength35mm());
    }

    private SanitizedPhoto sanitize(MultipartUpload upload, String part) {
        byte[] raw = upload.file(part).orElseThrow(() -> missing(part));
        try {
            return sanitizer.sanitize(raw);
        } catch (PhotoRejectedException e) {
            throw new ProblemException(e.reason().slug(), "Photo '" + part + "' refused", e.reason().status(),
                    "The " + part + " photo was refused: " + e.getMessage() + ". Nothing was stored.");
        }
    }

    private static int heightOf(MultipartUpload upload) {
        String value = upload.field(HEIGHT).orElseThrow(() -> missing(HEIGHT));
        int height;
        try {
            height = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalidHeight();
        }
        if (height < 50 || height > 250) {
            throw invalidHeight();
        }
        return height;
    }

    private static boolean blurOf(MultipartUpload upload) {
        String value = upload.field(BLUR).orElse("false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new ProblemException("invalid-field", "Invalid field", 400, "blurFaces must be true or false.");
        }
        return Boolean.parseBoolean(value);
    }

    private static ProblemException invalidHeight() {
        return new ProblemException("invalid-height", "Invalid height", 400,
                "heightCm must be a whole number of centimetres between 50 and 250.");
    }

    private static ProblemException missing(String part) {
        return new ProblemException("missing-field", "Missing field", 400,
                "The multipart body needs the parts front, side and heightCm; '" + part + "' is missing.");
    }
}
