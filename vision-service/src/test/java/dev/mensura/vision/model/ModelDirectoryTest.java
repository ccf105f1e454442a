package dev.mensura.vision.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models the build fetched are the pinned ones; a missing or altered one is named. */
class ModelDirectoryTest {
    static final Path BUILT = Path.of("../.models");

    @Test
    void theBuildsModelsAreThePinnedFiles() {
        assertThat(new ModelDirectory(BUILT, EnumSet.allOf(MediaPipeModel.class)).problems()).isEmpty();
    }

    @Test
    void aMissingOrAlteredModelIsNamed(@TempDir Path dir) throws Exception {
        Files.copy(BUILT.resolve("pose_detection.tflite"), dir.resolve("pose_detection.tflite"));
        byte[] altered = Files.readAllBytes(BUILT.resolve("pose_landmark_full.tflite"));
        altered[altered.length / 2] ^= 1;
        Files.write(dir.resolve("pose_landmark_full.tflite"), altered);
        var models = new ModelDirectory(dir, EnumSet.of(MediaPipeModel.POSE_DETECTION,
                MediaPipeModel.POSE_LANDMARK_FULL, MediaPipeModel.FACE_DETECTION_SHORT_RANGE));
        assertThat(models.problems()).containsExactlyInAnyOrder(
                "pose_landmark_full.tflite is not the pinned file (SHA-256 differs)",
                "face_detection_short_range.tflite is missing from the model directory");
        // what the loader reads is checked in the same read
        assertThat(models.verifiedBytes(MediaPipeModel.POSE_DETECTION)).hasSize(2962288);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> models.verifiedBytes(MediaPipeModel.POSE_LANDMARK_FULL))
                .hasMessageContaining("not the pinned file");
    }
}
