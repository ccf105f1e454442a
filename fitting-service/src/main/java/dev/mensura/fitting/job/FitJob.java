package dev.mensura.fitting.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mensura.events.EventCodec;
import dev.mensura.events.data.FittingCompleted;
import dev.mensura.events.data.JobProgress;
import dev.mensura.events.data.PhotoReceived;
import dev.mensura.events.data.VisionCompleted;
import dev.mensura.events.data.VisionFeatures;
import dev.mensura.fitting.engine.FittingEngine;
import dev.mensura.fitting.fit.BodyFitter;
import dev.mensura.fitting.model.GlbWriter;
import dev.mensura.fitting.model.ObjWriter;
import dev.mensura.fitting.results.FitResults;
import dev.mensura.fitting.results.MeasurementsView;
import dev.mensura.fitting.results.Places;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.crypto.SubjectErasedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One job through fitting: vision's sealed features and the stated height opened with the
 * subject's key, the body fitted, measured and exported as glTF and OBJ, all of it sealed again
 * for the subject and stored, then fitting.completed and the job's last progress. A fit that
 * does not agree with the photos well enough is a failure with a reason, never silent numbers.
 */
@ApplicationScoped
public class FitJob {
    private final FittingEngine engine;
    private final FitResults results;
    private final SubjectCrypto crypto;
    private final FittingEvents events;
    private final MeterRegistry metrics;
    private final double maxSilhouetteRmsCm;

    public FitJob(FittingEngine engine, FitResults results, SubjectCrypto crypto, FittingEvents events,
                  MeterRegistry metrics,
                  @ConfigProperty(name = "mensura.fitting.max-silhouette-rms-cm") double maxSilhouetteRmsCm) {
        this.engine = engine;
        this.results = results;
        this.crypto = crypto;
        this.events = events;
        this.metrics = metrics;
        this.maxSilhouetteRmsCm = maxSilhouetteRmsCm;
    }

    public void process(VisionCompleted done) {
        UUID jobId = UUID.fromString(done.jobId());
        String subject = done.subjectPseudonym();
        var measured = results.of(jobId, subject);
        if (measured.isPresent()) {
            // A replay: measured already. The outcome is announced again, since the first
            // announcement may be what the broker lost; ingest ignores it for a job that ended.
            announceMeasured(done, measured.get().silhouetteRmsCm());
            return;
        }
        events.progress(new JobProgress(done.jobId(), subject, "fitting", 60, "Fitting the body model to your photos"));
        VisionFeatures features;
        double statureCm;
        try {
            features = EventCodec.mapper().readValue(crypto.decrypt(subject, VisionCompleted.FEATURES_PLACE,
                    Base64.getDecoder().decode(done.featuresSealed())), VisionFeatures.class);
            statureCm = Double.parseDouble(crypto.decryptFromBase64(subject, PhotoReceived.HEIGHT_PLACE,
                    done.heightCmSealed()));
        } catch (SubjectErasedException e) {
            fail(done, "subject-erased", "Your data has been erased; nothing was measured.");
            return;
        } catch (RuntimeException | java.io.IOException e) {
            Log.errorf("unusable vision features: %s", e.getClass().getName());
            fail(done, "unusable-features", "Your photos could not be measured. Please take them again.");
            return;
        }
        VisionFeatures.View front = view(features, "front");
        VisionFeatures.View side = view(features, "side");
        if (front == null || side == null || !(statureCm >= 50 && statureCm <= 250)) {
            fail(done, "unusable-features", "Your photos could not be measured. Please take them again.");
            return;
        }
        FittingEngine.Loaded loaded = engine.get();
        BodyFitter.Fit fit = loaded.fitter().fit(Observations.of(front), Observations.of(side), statureCm);
        metrics.summary("fitting_silhouette_rms_cm").record(fit.silhouetteRmsCm());
        if (!(fit.silhouetteRmsCm() <= maxSilhouetteRmsCm)) {
            fail(done, "poor-fit", "The body model did not match your photos well enough. Please take them again,"
                    + " standing straight in tight clothing against a plain wall.");
            return;
        }
        int[] triangles = loaded.model().base().bodyTriangles();
        byte[] glb = new GlbWriter().write(fit.bodyCm(), triangles, loaded.rig(), loaded.model().base());
        byte[] obj = new ObjWriter().write(fit.bodyCm(), triangles).getBytes(StandardCharsets.US_ASCII);
        byte[] json;
        try {
            json = EventCodec.mapper().writeValueAsBytes(view(done.jobId(), fit));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("measurements are not serialisable", e);
        }
        try {
            results.store(new FitResults.Row(jobId, subject, null, fit.silhouetteRmsCm(),
                    crypto.encrypt(subject, Places.MEASUREMENTS, json), crypto.encrypt(subject, Places.GLB, glb),
                    crypto.encrypt(subject, Places.OBJ, obj)));
        } catch (SubjectErasedException e) {
            fail(done, "subject-erased", "Your data has been erased; nothing was measured.");
            return;
        }
        announceMeasured(done, fit.silhouetteRmsCm());
        metrics.counter("fitting_jobs_total", "outcome", "measured").increment();
    }

    private void announceMeasured(VisionCompleted done, double silhouetteRmsCm) {
        events.completed(new FittingCompleted(done.jobId(), done.subjectPseudonym(), true, null, silhouetteRmsCm));
        events.ended(new JobProgress(done.jobId(), done.subjectPseudonym(), "done", 100,
                "Your measurements and body model are ready"));
    }

    static MeasurementsView view(String jobId, BodyFitter.Fit fit) {
        List<MeasurementsView.Item> items = new ArrayList<>();
        fit.measurements().values().forEach(m -> items.add(new MeasurementsView.Item(m.name(),
                Math.round(m.valueCm() * 10) / 10.0, Math.round(m.uncertaintyCm() * 10) / 10.0)));
        return new MeasurementsView(jobId, MeasurementsView.STANDARD, "cm",
                Math.round(fit.silhouetteRmsCm() * 100) / 100.0, items);
    }

    private static VisionFeatures.View view(VisionFeatures features, String name) {
        return features.views() == null ? null
                : features.views().stream().filter(v -> name.equals(v.view())).findFirst().orElse(null);
    }

    private void fail(VisionCompleted done, String reason, String message) {
        events.completed(new FittingCompleted(done.jobId(), done.subjectPseudonym(), false, reason, null));
        events.ended(new JobProgress(done.jobId(), done.subjectPseudonym(), "failed", 100, message));
        metrics.counter("fitting_jobs_total", "outcome", "failed", "reason", reason).increment();
    }
}
