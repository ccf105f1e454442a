package dev.mensura.fitting.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.fitting.bench.FitBench;
import dev.mensura.fitting.bench.SyntheticBody;
import dev.mensura.testkit.render.View;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The fit-quality figure tells a fit that explains the photos from one that cannot: two front
 * photos (the second sent as the side view) cannot be one body seen from the front and the side,
 * and the fit says so with a silhouette RMS above the service's limit, which makes the job fail as
 * {@code poor-fit}. (Photos of two different people each in the model's shape space can be: a
 * front fixes widths and a side depths, so such a pair fits as one body; this is not a detector
 * of that.)
 */
class FitQualityTest {
    @Test
    void twoFrontPhotosAreAPoorFitAndAFrontAndASideAreNot() throws Exception {
        FitRoundTripTest.load();
        double limit = limitCm();
        SyntheticBody body = SyntheticBody.draw(5, FitRoundTripTest.shapes);
        ViewObservation front = FitBench.observe(body, View.FRONT, 1.0);
        ViewObservation side = FitBench.observe(body, View.SIDE, 1.0);
        BodyFitter.Fit good = FitRoundTripTest.fitter.fit(front, side, body.statureCm());
        ViewObservation frontAsSide = new ViewObservation(true, front.width(), front.height(), front.focalPx(),
                front.outlinePx(), side.joints(), front.outlineInsetPx());
        BodyFitter.Fit twoFronts = FitRoundTripTest.fitter.fit(front, frontAsSide, body.statureCm());
        System.out.printf("silhouette rms: front and side %.2f cm, two fronts %.2f cm%n", good.silhouetteRmsCm(),
                twoFronts.silhouetteRmsCm());
        assertThat(good.silhouetteRmsCm()).isLessThan(limit / 4);
        assertThat(twoFronts.silhouetteRmsCm()).isGreaterThan(limit);
    }

    /** {@code mensura.fitting.max-silhouette-rms-cm} as the service's application.properties sets it. */
    private static double limitCm() throws IOException {
        Properties p = new Properties();
        try (InputStream in = FitQualityTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return Double.parseDouble(p.getProperty("mensura.fitting.max-silhouette-rms-cm"));
    }
}
