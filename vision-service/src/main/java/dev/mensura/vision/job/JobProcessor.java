package dev.mensura.vision.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mensura.events.EventCodec;
import dev.mensura.events.data.JobProgress;
import dev.mensura.events.data.PhotoReceived;
import dev.mensura.events.data.VisionCompleted;
import dev.mensura.events.data.VisionFailed;
import dev.mensura.events.data.VisionFeatures;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.crypto.SubjectErasedException;
import dev.mensura.vision.engine.VisionEngine;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.quality.QualityChecks;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's two photos through vision: fetched once each from ingest, analysed in memory, and the
 * outcome published: vision.completed with the sealed features, or vision.failed with the reason
 * and what to retake. Either tells ingest the photos are done with. Nothing about the photos is
 * logged beyond the reason slug.
 */
@ApplicationScoped
public class JobProcessor {
    private final PhotoFetcher fetcher;
    private final ViewAnalyzer analyzer;
    private final VisionEvents events;
    private final SubjectCrypto crypto;
    private final VisionEngine engine;
    private final MeterRegistry metrics;

    public JobProcessor(PhotoFetcher fetcher, ViewAnalyzer analyzer, VisionEvents events, SubjectCrypto crypto,
                        VisionEngine engine, MeterRegistry metrics) {
        this.fetcher = fetcher;
        this.analyzer = analyzer;
        this.events = events;
        this.crypto = crypto;
        this.engine = engine;
        this.metrics = metrics;
    }

    public void process(PhotoReceived job) {
        String subject = job.subjectPseudonym();
        List<VisionFeatures.View> views = new ArrayList<>();
        for (QualityChecks.View view : QualityChecks.View.values()) {
            String name = view.name().toLowerCase();
            var ref = job.photos().stream().filter(p -> name.equals(p.view())).findFirst();
            if (ref.isEmpty()) {
                fail(job, "photo-missing", name, "The " + name + " photo is missing. Take both photos again.");
                return;
            }
            events.progress(new JobProgress(job.jobId(), subject, "vision", view == QualityChecks.View.FRONT ? 20 : 35,
                    "Finding your pose in the " + name + " photo"));
            ViewAnalyzer.Outcome outcome;
            try {
                RgbImage pixels = PhotoDecoder.decode(fetcher.fetch(ref.get().handoverUrl()));
                outcome = analyzer.analyze(view, pixels, ref.get().orientation(), job.blurFaces(),
                        job.focalLength35mm());
            } catch (UnusablePhotoException e) {
                fail(job, e.reason(), name, "The " + name + " photo could not be read. Take it again.");
                return;
            } catch (RuntimeException e) {
                // the class name only: a message could echo input
                Log.errorf("vision failed on a photo: %s", e.getClass().getName());
                fail(job, "processing-error", name, "Something went wrong reading your photos. Please try again.");
                return;
            }
            if (outcome.issue() != null) {
                fail(job, outcome.issue().reason(), name, outcome.issue().message());
                return;
            }
            views.add(outcome.features());
        }
        String sealed;
        try {
            byte[] json = EventCodec.mapper().writeValueAsBytes(new VisionFeatures(VisionFeatures.VERSION,
                    engine.landmarkModel(), views));
            sealed = java.util.Base64.getEncoder().encodeToString(
                    crypto.encrypt(subject, VisionCompleted.FEATURES_PLACE, json));
        } catch (SubjectErasedException e) {
            fail(job, "subject-erased", null, "Your data has been erased; nothing was kept.");
            return;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("vision features are not serialisable", e);
        }
        events.completed(new VisionCompleted(job.jobId(), subject, sealed, job.heightCmSealed(),
                job.focalLength35mm()));
        metrics.counter("vision_jobs_total", "outcome", "completed").increment();
    }

    private void fail(PhotoReceived job, String reason, String view, String message) {
        events.failed(new VisionFailed(job.jobId(), job.subjectPseudonym(), reason, view, message));
        metrics.counter("vision_jobs_total", "outcome", "failed", "reason", reason).increment();
    }
}
