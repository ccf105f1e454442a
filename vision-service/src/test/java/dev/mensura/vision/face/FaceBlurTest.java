package dev.mensura.vision.face;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.testkit.render.Scene;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.pose.RenderedPhotos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The face detector finds the rendered face, and the blur leaves no dark eyes but a person BlazePose still finds. */
class FaceBlurTest {

    @Test
    void theFaceIsFoundAndBlurredBeyondItsFeatures() {
        RenderedScene scene = Scene.front(5);
        RgbImage image = RenderedPhotos.pixels(scene);
        List<double[]> faces = new FaceDetector(RenderedPhotos.faceGraph()).detect(image);
        assertThat(faces).as("one face").hasSize(1);
        double[] box = faces.get(0);
        double[] eye = scene.joint2d("joint-l-eye");
        double[] mouth = scene.joint2d("joint-mouth");
        assertThat(eye[0]).isBetween(box[0], box[2]);
        assertThat(eye[1]).isBetween(box[1], box[3]);
        assertThat(mouth[1]).isBetween(box[1], box[3]);
        double before = darkest(image, eye);

        FaceBlur.blur(image, faces);

        double after = darkest(image, eye);
        System.out.printf("face box %.0fx%.0f px; darkest luma near the eye %.0f before, %.0f after%n",
                box[2] - box[0], box[3] - box[1], before, after);
        assertThat(before).isLessThan(40);
        assertThat(after).as("no dark pupil left").isGreaterThan(before + 40);
        assertThat(RenderedPhotos.estimator().estimate(image)).as("BlazePose still finds the person")
                .map(p -> p.presence()).get().matches(p -> p > 0.5f);
    }

    @Test
    void aPhotoWithoutAFaceHasNoFace() {
        RgbImage blank = RenderedPhotos.pixels(Scene.front(5));
        java.util.Arrays.fill(blank.pixels(), 0x808080);
        assertThat(new FaceDetector(RenderedPhotos.faceGraph()).detect(blank)).isEmpty();
    }

    private static double darkest(RgbImage image, double[] at) {
        double min = 255;
        for (int y = (int) at[1] - 4; y <= at[1] + 4; y++) {
            for (int x = (int) at[0] - 4; x <= at[0] + 4; x++) {
                int p = image.rgb(x, y);
                min = Math.min(min, 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF));
            }
        }
        return min;
    }
}
