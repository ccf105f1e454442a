package dev.mensura.vision.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.testkit.render.Scene;
import dev.mensura.testkit.render.View;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.pose.RenderedPhotos;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each quality check fires on a rendered photo made to trip it, and none fires on good photos:
 * the checks run exactly as the service runs them (image checks, then the pose, then pose checks).
 */
class QualityChecksTest {
    private final QualityChecks checks = new QualityChecks(QualityChecks.Thresholds.defaults());

    @Test
    void goodFrontAndSidePhotosPass() {
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(check(QualityChecks.View.FRONT, Scene.front(seed))).as("front, seed " + seed).isEmpty();
            assertThat(check(QualityChecks.View.SIDE, Scene.side(seed))).as("side, seed " + seed).isEmpty();
        }
    }

    @Test
    void twoPeopleAreRefused() {
        assertThat(check(QualityChecks.View.FRONT, Scene.twoBodies(1))).contains(QualityIssue.MULTIPLE_PEOPLE);
    }

    @Test
    void croppedFeetAreRefused() {
        assertThat(check(QualityChecks.View.FRONT, Scene.croppedFeet(1))).contains(QualityIssue.BODY_CUT_OFF);
    }

    @Test
    void armsDownIsNotAnAPose() {
        assertThat(check(QualityChecks.View.FRONT, Scene.armsDown(1))).contains(QualityIssue.NOT_A_POSE);
    }

    @Test
    void aFrontPhotoIsNotASideView() {
        assertThat(check(QualityChecks.View.SIDE, Scene.front(2))).contains(QualityIssue.NOT_SIDE_VIEW);
    }

    @Test
    void aDarkPhotoIsRefused() {
        assertThat(check(QualityChecks.View.FRONT, Scene.dark(1))).contains(QualityIssue.TOO_DARK);
    }

    @Test
    void aBlurredPhotoIsRefused() {
        RenderedScene sharp = Scene.front(1);
        RenderedScene blurred = Scene.blurred(1);
        System.out.printf("sharpness: sharp %.1f, blurred %.1f%n", ImageQuality.sharpness(RenderedPhotos.pixels(sharp)),
                ImageQuality.sharpness(RenderedPhotos.pixels(blurred)));
        assertThat(check(QualityChecks.View.FRONT, blurred)).contains(QualityIssue.BLURRED);
    }

    @Test
    void anEmptyRoomHasNoPerson() {
        RenderedScene scene = Scene.front(3);
        RgbImage room = RenderedPhotos.pixels(scene);
        int background = room.rgb(5, 5);
        java.util.Arrays.fill(room.pixels(), background);
        // keep some texture so that it is not refused as blurred first
        for (int i = 0; i < room.pixels().length; i += 7) {
            room.pixels()[i] = background ^ 0x101010;
        }
        assertThat(checks.image(room)).isEmpty();
        assertThat(checks.pose(QualityChecks.View.FRONT, RenderedPhotos.estimator().estimate(room)))
                .contains(QualityIssue.NO_PERSON);
    }

    private Optional<QualityIssue> check(QualityChecks.View view, RenderedScene scene) {
        RgbImage image = RenderedPhotos.pixels(scene);
        Optional<QualityIssue> issue = checks.image(image);
        if (issue.isPresent()) {
            return issue;
        }
        return checks.pose(view, RenderedPhotos.estimator().estimate(image));
    }
}
