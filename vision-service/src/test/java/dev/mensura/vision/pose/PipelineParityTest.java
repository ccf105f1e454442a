package dev.mensura.vision.pose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.testkit.render.Scene;
import dev.mensura.testkit.render.View;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.model.MediaPipeModel;
import dev.mensura.vision.tflite.ReferenceGraph;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The whole per-photo path twice on the same rendered photos: once with the executor, once with
 * TFLite's interpreter running the same graphs. Landmarks agree within 1e-3 (normalised), world
 * landmarks within 1 mm, and the masks' IoU exceeds 0.99.
 */
class PipelineParityTest {

    @Test
    void theExecutorGivesTheSamePoseAsTflite() throws IOException {
        try (ReferenceGraph detector = reference(MediaPipeModel.POSE_DETECTION);
             ReferenceGraph landmarker = reference(MediaPipeModel.POSE_LANDMARK_FULL)) {
            PoseEstimator tflite = new PoseEstimator(detector, landmarker);
            for (View view : View.values()) {
                RenderedScene scene = Scene.seeded(31).view(view).render();
                RgbImage photo = RenderedPhotos.pixels(scene);
                PoseEstimate ours = RenderedPhotos.estimator().estimate(photo).orElseThrow();
                PoseEstimate theirs = tflite.estimate(photo).orElseThrow();

                double landmarks = 0;
                double world = 0;
                for (int i = 0; i < PoseLandmarks.COUNT; i++) {
                    Landmark a = ours.landmark(i);
                    Landmark b = theirs.landmark(i);
                    landmarks = Math.max(landmarks, Math.max(Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y())));
                    for (int k = 0; k < 3; k++) {
                        world = Math.max(world, Math.abs(ours.world()[i][k] - theirs.world()[i][k]));
                    }
                }
                double iou = iou(ours.mask(), theirs.mask());
                System.out.printf("%s: landmarks max |diff| %.2e, world %.3f mm, mask IoU %.5f%n", view, landmarks,
                        world * 1000, iou);
                assertThat(landmarks).as(view + " landmarks, normalised").isLessThan(1e-3);
                assertThat(world).as(view + " world landmarks, metres").isLessThan(1e-3);
                assertThat(iou).as(view + " mask IoU").isGreaterThan(0.99);
            }
        }
    }

    private static ReferenceGraph reference(MediaPipeModel model) throws IOException {
        return new ReferenceGraph(ByteBuffer.wrap(Files.readAllBytes(RenderedPhotos.MODELS.resolve(model.fileName()))));
    }

    private static double iou(SilhouetteMask a, SilhouetteMask b) {
        int inter = 0;
        int union = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                boolean p = a.person(x, y);
                boolean q = b.person(x, y);
                inter += p && q ? 1 : 0;
                union += p || q ? 1 : 0;
            }
        }
        return (double) inter / union;
    }
}
