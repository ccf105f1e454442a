package dev.mensura.vision.pose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.testkit.render.Scene;
import dev.mensura.testkit.render.View;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * BlazePose through the executor on photos the test renders from the hm08 body model: the
 * landmarks must land near the mesh's projected joints and the silhouette must cover the render's
 * mask. Tolerances are fractions of the person's height in the photo.
 */
class PoseEstimatorTest {
    /** BlazePose landmark and the rig joint it corresponds to; "l" is the person's left in both. */
    private static final Map<Integer, String> JOINTS = Map.ofEntries(
            Map.entry(PoseLandmarks.LEFT_SHOULDER, "joint-l-shoulder"),
            Map.entry(PoseLandmarks.RIGHT_SHOULDER, "joint-r-shoulder"),
            Map.entry(PoseLandmarks.LEFT_ELBOW, "joint-l-elbow"),
            Map.entry(PoseLandmarks.RIGHT_ELBOW, "joint-r-elbow"),
            Map.entry(PoseLandmarks.LEFT_WRIST, "joint-l-hand"),
            Map.entry(PoseLandmarks.RIGHT_WRIST, "joint-r-hand"),
            Map.entry(PoseLandmarks.LEFT_KNEE, "joint-l-knee"),
            Map.entry(PoseLandmarks.RIGHT_KNEE, "joint-r-knee"),
            Map.entry(PoseLandmarks.LEFT_ANKLE, "joint-l-ankle"),
            Map.entry(PoseLandmarks.RIGHT_ANKLE, "joint-r-ankle"));

    @Test
    void frontLandmarksFallOnTheProjectedJoints() {
        for (long seed = 1; seed <= 3; seed++) {
            RenderedScene scene = Scene.front(seed);
            PoseEstimate pose = estimate(scene);
            double worst = 0;
            for (var e : JOINTS.entrySet()) {
                double[] joint = scene.joint2d(e.getValue());
                Landmark l = pose.landmark(e.getKey());
                double error = Math.hypot(l.x() * scene.width() - joint[0], l.y() * scene.height() - joint[1]);
                System.out.printf("seed %d %s: %.1f px (%.2f%% of stature)%n", seed, e.getValue(), error,
                        100 * error / scene.staturePx());
                worst = Math.max(worst, error / scene.staturePx());
            }
            assertThat(worst).as("worst landmark error over stature, seed " + seed).isLessThan(0.02);
        }
    }

    @Test
    void theSilhouetteMatchesTheRenderedMask() {
        for (View view : View.values()) {
            RenderedScene scene = Scene.seeded(7).view(view).render();
            PoseEstimate pose = estimate(scene);
            double iou = iou(pose.mask(), scene);
            System.out.printf("%s silhouette IoU %.3f%n", view, iou);
            assertThat(iou).as(view + " IoU").isGreaterThan(0.93);
        }
    }

    @Test
    void theContourOutlinesThePerson() {
        RenderedScene scene = Scene.front(11);
        PoseEstimate pose = estimate(scene);
        float[] contour = SilhouetteContour.of(pose.mask());
        assertThat(contour).hasSize(2 * SilhouetteContour.POINTS);
        var bounds = scene.maskBounds();
        float minY = 1;
        float maxY = 0;
        for (int i = 1; i < contour.length; i += 2) {
            minY = Math.min(minY, contour[i]);
            maxY = Math.max(maxY, contour[i]);
        }
        // the outline spans the person from the top of the head to the soles
        assertThat((double) minY * scene.height()).isCloseTo(bounds.getMinY(), org.assertj.core.data.Offset.offset(
                0.02 * scene.staturePx()));
        assertThat((double) maxY * scene.height()).isCloseTo(bounds.getMaxY(), org.assertj.core.data.Offset.offset(
                0.02 * scene.staturePx()));
    }

    static PoseEstimate estimate(RenderedScene scene) {
        Optional<PoseEstimate> pose = RenderedPhotos.estimator().estimate(RenderedPhotos.pixels(scene));
        assertThat(pose).as("a person is found").isPresent();
        return pose.get();
    }

    /** IoU of the estimated mask with the render's, on the estimate's grid (render mask majority per cell). */
    static double iou(SilhouetteMask mask, RenderedScene scene) {
        int inter = 0;
        int union = 0;
        double cellW = (double) scene.width() / mask.width();
        double cellH = (double) scene.height() / mask.height();
        for (int gy = 0; gy < mask.height(); gy++) {
            for (int gx = 0; gx < mask.width(); gx++) {
                int body = 0;
                int total = 0;
                for (int y = (int) (gy * cellH); y < (int) ((gy + 1) * cellH); y++) {
                    for (int x = (int) (gx * cellW); x < (int) ((gx + 1) * cellW); x++) {
                        total++;
                        if (scene.isBody(x, y)) {
                            body++;
                        }
                    }
                }
                boolean truth = total > 0 && 2 * body >= total;
                boolean seen = mask.person(gx, gy);
                if (truth && seen) {
                    inter++;
                }
                if (truth || seen) {
                    union++;
                }
            }
        }
        return (double) inter / union;
    }
}
