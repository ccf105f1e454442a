package dev.mensura.vision.job;

import dev.mensura.events.data.VisionFeatures;
import dev.mensura.vision.engine.VisionEngine;
import dev.mensura.vision.face.FaceBlur;
import dev.mensura.vision.image.Orientation;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.pose.Landmark;
import dev.mensura.vision.pose.PoseEstimate;
import dev.mensura.vision.pose.SilhouetteContour;
import dev.mensura.vision.quality.QualityChecks;
import dev.mensura.vision.quality.QualityIssue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One photo, in memory, start to end: upright it, blur faces when asked (before anything else
 * looks at it), check exposure and sharpness, find the pose, check it, and keep only numbers.
 * The pixels are zeroed on the way out whatever happens.
 */
@ApplicationScoped
public class ViewAnalyzer {
    /** 35 mm film's diagonal: the 35 mm-equivalent focal length is defined against it. */
    private static final double FULL_FRAME_DIAGONAL_MM = Math.hypot(36, 24);
    /** A phone's main camera when the photo carried no focal length. */
    static final double TYPICAL_PHONE_FOCAL_35MM = 26;

    private final VisionEngine engine;
    private final QualityChecks checks;

    public ViewAnalyzer(VisionEngine engine,
                        @ConfigProperty(name = "mensura.vision.quality.min-brightness") double minBrightness,
                        @ConfigProperty(name = "mensura.vision.quality.min-sharpness") double minSharpness,
                        @ConfigProperty(name = "mensura.vision.quality.min-arm-angle-degrees") double minArmAngle,
                        @ConfigProperty(name = "mensura.vision.quality.max-side-shoulder-ratio") double maxShoulder) {
        this.engine = engine;
        this.checks = new QualityChecks(new QualityChecks.Thresholds(minBrightness, minSharpness, minArmAngle,
                maxShoulder));
    }

    public record Outcome(VisionFeatures.View features, QualityIssue issue) {
    }

    public Outcome analyze(QualityChecks.View view, RgbImage stored, int orientation, boolean blurFaces,
                           Integer focalLength35mm) {
        RgbImage image = stored;
        try {
            image = Orientation.upright(stored, orientation);
            if (blurFaces) {
                FaceBlur.blur(image, engine.faces().detect(image));
            }
            Optional<QualityIssue> issue = checks.image(image);
            if (issue.isPresent()) {
                return new Outcome(null, issue.get());
            }
            Optional<PoseEstimate> pose = engine.pose().estimate(image);
            issue = checks.pose(view, pose);
            if (issue.isPresent()) {
                return new Outcome(null, issue.get());
            }
            return new Outcome(features(view, pose.get(), focalLength35mm), null);
        } finally {
            image.wipe();
            stored.wipe();
        }
    }

    public static VisionFeatures.View features(QualityChecks.View view, PoseEstimate pose, Integer focalLength35mm) {
        float[][] landmarks = new float[pose.landmarks().size()][];
        for (int i = 0; i < landmarks.length; i++) {
            Landmark l = pose.landmark(i);
            landmarks[i] = new float[] {l.x(), l.y(), l.z(), l.visibility(), l.presence()};
        }
        boolean fromExif = focalLength35mm != null && focalLength35mm > 0;
        double focal35 = fromExif ? focalLength35mm : TYPICAL_PHONE_FOCAL_35MM;
        double focalPx = focal35 / FULL_FRAME_DIAGONAL_MM * Math.hypot(pose.imageWidth(), pose.imageHeight());
        return new VisionFeatures.View(view.name().toLowerCase(), pose.imageWidth(), pose.imageHeight(), focalPx,
                fromExif, landmarks, pose.world(), SilhouetteContour.of(pose.mask()));
    }
}
