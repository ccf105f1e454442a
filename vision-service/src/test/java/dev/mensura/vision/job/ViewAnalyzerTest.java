package dev.mensura.vision.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.testkit.render.Scene;
import dev.mensura.vision.engine.VisionEngine;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.pose.RenderedPhotos;
import dev.mensura.vision.quality.QualityChecks;
import dev.mensura.vision.quality.QualityIssue;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One photo through the service's own analyser: numbers out, every copy of the pixels zeroed. */
class ViewAnalyzerTest {
    private static VisionEngine engine;
    private static ViewAnalyzer analyzer;

    @BeforeAll
    static void engine() {
        engine = new VisionEngine(Path.of("../.models"), "full", "cpu", Path.of("target/djl-cache"));
        analyzer = new ViewAnalyzer(engine, 0.12, 12, 20, 0.35);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aGoodPhotoGivesFeaturesAndLeavesNoPixels() {
        RgbImage photo = RenderedPhotos.pixels(Scene.front(41));
        var outcome = analyzer.analyze(QualityChecks.View.FRONT, photo, 1, true, 26);
        assertThat(outcome.issue()).isNull();
        assertThat(outcome.features().landmarks()).hasNumberOfRows(33);
        assertThat(outcome.features().focalFromExif()).isTrue();
        // 26 mm equivalent on a 720x1280 photo: 26 / 43.27 x 1468.6 px
        assertThat(outcome.features().focalLengthPx()).isBetween(880.0, 885.0);
        assertThat(photo.pixels()).containsOnly(0);
    }

    @Test
    void aRefusedPhotoLeavesNoPixelsEither() {
        RgbImage photo = RenderedPhotos.pixels(Scene.dark(41));
        var outcome = analyzer.analyze(QualityChecks.View.FRONT, photo, 6, false, null);
        assertThat(outcome.issue()).isEqualTo(QualityIssue.TOO_DARK);
        assertThat(photo.pixels()).containsOnly(0);
    }

    @Test
    void decodingZeroesTheEncodedBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(Scene.front(42).image(), "jpg", out);
        byte[] encoded = out.toByteArray();
        RgbImage pixels = PhotoDecoder.decode(encoded);
        assertThat(pixels.width()).isEqualTo(720);
        assertThat(encoded).containsOnly((byte) 0);
    }

    @Test
    void bytesThatAreNoImageAreRefusedAndZeroed() {
        byte[] junk = "not an image at all".getBytes();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PhotoDecoder.decode(junk))
                .isInstanceOf(UnusablePhotoException.class).hasMessage("photo-unreadable");
        assertThat(junk).containsOnly((byte) 0);
    }
}
