package dev.mensura.vision.quality;

import dev.mensura.vision.detection.Detection;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.pose.Landmark;
import dev.mensura.vision.pose.PoseEstimate;
import dev.mensura.vision.pose.PoseLandmarks;
import dev.mensura.vision.pose.SilhouetteMask;
import java.util.Optional;

/**
 * Decides whether a photo can be measured, and if not, what the person should change. The image
 * checks run before the models, the pose checks on what BlazePose saw.
 */
public final class QualityChecks {
    private final Thresholds limits;

    /**
     * @param minBrightness mean luma (0–1) below which a photo is too dark
     * @param minSharpness Laplacian variance below which a photo is blurred
     * @param minArmAngleDegrees the smallest angle between arm and torso that counts as an A-pose
     * @param maxSideShoulderRatio shoulder width over torso length above which a side photo is
     *     not from the side
     */
    public record Thresholds(double minBrightness, double minSharpness, double minArmAngleDegrees,
                             double maxSideShoulderRatio) {
        public static Thresholds defaults() {
            return new Thresholds(0.12, 12, 20, 0.35);
        }
    }

    public enum View {
        FRONT, SIDE
    }

    public QualityChecks(Thresholds limits) {
        this.limits = limits;
    }

    public Optional<QualityIssue> image(RgbImage image) {
        if (ImageQuality.brightness(image) < limits.minBrightness()) {
            return Optional.of(QualityIssue.TOO_DARK);
        }
        if (ImageQuality.sharpness(image) < limits.minSharpness()) {
            return Optional.of(QualityIssue.BLURRED);
        }
        return Optional.empty();
    }

    public Optional<QualityIssue> pose(View view, Optional<PoseEstimate> seen) {
        if (seen.isEmpty() || seen.get().presence() <= 0.5f) {
            return Optional.of(QualityIssue.NO_PERSON);
        }
        PoseEstimate pose = seen.get();
        if (secondPerson(pose)) {
            return Optional.of(QualityIssue.MULTIPLE_PEOPLE);
        }
        if (cutOff(pose)) {
            return Optional.of(QualityIssue.BODY_CUT_OFF);
        }
        if (view == View.FRONT && !armsAway(pose)) {
            return Optional.of(QualityIssue.NOT_A_POSE);
        }
        if (view == View.SIDE && shoulderRatio(pose) > limits.maxSideShoulderRatio()) {
            return Optional.of(QualityIssue.NOT_SIDE_VIEW);
        }
        return Optional.empty();
    }

    /** Another confident detection that does not overlap the first is another person. */
    private static boolean secondPerson(PoseEstimate pose) {
        if (pose.people().size() < 2) {
            return false;
        }
        Detection first = pose.people().get(0);
        return pose.people().stream().skip(1).anyMatch(d -> d.iou(first) == 0f);
    }

    /** Head or feet outside the photo: the landmarks fall outside, or the mask runs into the top or bottom edge. */
    static boolean cutOff(PoseEstimate pose) {
        int[] ends = {PoseLandmarks.NOSE, PoseLandmarks.LEFT_EYE, PoseLandmarks.RIGHT_EYE, PoseLandmarks.LEFT_HEEL,
            PoseLandmarks.RIGHT_HEEL, PoseLandmarks.LEFT_FOOT_INDEX, PoseLandmarks.RIGHT_FOOT_INDEX,
            PoseLandmarks.LEFT_ANKLE, PoseLandmarks.RIGHT_ANKLE};
        for (int i : ends) {
            Landmark l = pose.landmark(i);
            if (l.x() < 0 || l.x() > 1 || l.y() < 0 || l.y() > 1) {
                return true;
            }
        }
        SilhouetteMask mask = pose.mask();
        return edgeCells(mask, 0) >= 3 || edgeCells(mask, mask.height() - 1) >= 3;
    }

    private static int edgeCells(SilhouetteMask mask, int row) {
        int n = 0;
        for (int x = 0; x < mask.width(); x++) {
            if (mask.person(x, row)) {
                n++;
            }
        }
        return n;
    }

    /** Both arms at least the minimum angle away from the torso, measured at the shoulder in the photo plane. */
    private boolean armsAway(PoseEstimate pose) {
        return armAngle(pose, PoseLandmarks.LEFT_SHOULDER, PoseLandmarks.LEFT_WRIST, PoseLandmarks.LEFT_HIP)
                >= limits.minArmAngleDegrees()
                && armAngle(pose, PoseLandmarks.RIGHT_SHOULDER, PoseLandmarks.RIGHT_WRIST, PoseLandmarks.RIGHT_HIP)
                >= limits.minArmAngleDegrees();
    }

    static double armAngle(PoseEstimate pose, int shoulder, int wrist, int hip) {
        double[] s = px(pose, shoulder);
        double[] w = px(pose, wrist);
        double[] h = px(pose, hip);
        double ax = w[0] - s[0];
        double ay = w[1] - s[1];
        double bx = h[0] - s[0];
        double by = h[1] - s[1];
        double cos = (ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    /** Shoulder width over torso length in the photo: about 0.7 from the front, near 0 from the side. */
    static double shoulderRatio(PoseEstimate pose) {
        double[] ls = px(pose, PoseLandmarks.LEFT_SHOULDER);
        double[] rs = px(pose, PoseLandmarks.RIGHT_SHOULDER);
        double[] lh = px(pose, PoseLandmarks.LEFT_HIP);
        double[] rh = px(pose, PoseLandmarks.RIGHT_HIP);
        double torso = Math.hypot((ls[0] + rs[0] - lh[0] - rh[0]) / 2, (ls[1] + rs[1] - lh[1] - rh[1]) / 2);
        return Math.hypot(ls[0] - rs[0], ls[1] - rs[1]) / torso;
    }

    private static double[] px(PoseEstimate pose, int index) {
        Landmark l = pose.landmark(index);
        return new double[] {l.x() * pose.imageWidth(), l.y() * pose.imageHeight()};
    }
}
