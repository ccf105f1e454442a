package dev.mensura.fitting.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.fitting.body.BodyModel;
import dev.mensura.fitting.bench.FitBench;
import dev.mensura.fitting.body.Rig;
import dev.mensura.fitting.measure.Measurement;
import dev.mensura.silhouette.Outline;
import dev.mensura.testkit.render.BodyModelDir;
import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.testkit.render.Scene;
import dev.mensura.testkit.render.View;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random bodies, rendered front and side with a known phone camera; their outlines and
 * joints (the oracle, not vision) go to the fit, and the fitted body's measurements are compared
 * with the true body's.
 */
class FitRoundTripTest {
    static BodyModel model;
    static BodyFitter fitter;
    static ShapeSpace shapes;

    @BeforeAll
    static void load() throws IOException {
        Path dir = BodyModelDir.resolve();
        model = BodyModel.load(dir);
        shapes = new ShapeSpace(model);
        fitter = new BodyFitter(shapes, Rig.read(dir));
    }

    @Test
    void fittedBodiesMeasureLikeTheTrueOnes() {
        double sum = 0;
        int n = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            double[] truth = randomShape(random);
            double stature = 160 + 30 * random.nextDouble();
            float[] dm = shapes.positions(truth);
            BodyFitter.Fit fit = fitter.fit(observe(dm, stature, View.FRONT, seed),
                    observe(dm, stature, View.SIDE, seed), stature);
            Map<String, Measurement> expected = fitter.measure(dm, stature, truth[0] < 0.5);
            System.out.printf("seed %d: silhouette rms %.2f cm, landmarks %.2f cm, %d evaluations%n", seed,
                    fit.silhouetteRmsCm(), fit.landmarkRmsCm(), fit.evaluations());
            for (var e : expected.entrySet()) {
                Measurement got = fit.measurements().get(e.getKey());
                if (got == null) {
                    continue;
                }
                double error = got.valueCm() - e.getValue().valueCm();
                System.out.printf("  %-18s true %6.1f fit %6.1f error %+5.1f cm (± %.1f)%n", e.getKey(),
                        e.getValue().valueCm(), got.valueCm(), error, got.uncertaintyCm());
                sum += Math.abs(error);
                n++;
            }
        }
        double mae = sum / n;
        System.out.printf("mean absolute error over all measurements: %.2f cm%n", mae);
        assertThat(mae).isLessThan(0.3);
    }

    static double[] randomShape(Random r) {
        return dev.mensura.fitting.bench.FitBench.randomShape(r);
    }

    static ViewObservation observe(float[] dm, double stature, View view, long seed) {
        double[] positions = new double[dm.length];
        for (int i = 0; i < dm.length; i++) {
            positions[i] = dm[i];
        }
        RenderedScene scene = Scene.seeded(seed).view(view).shape(positions).statureCm(stature).jitter(false)
                .render();
        int w = scene.width();
        int h = scene.height();
        float[] outline = Outline.trace(scene.mask(), w, h, 1024);
        for (int i = 0; i < outline.length; i += 2) {
            outline[i] *= w;
            outline[i + 1] *= h;
        }
        Map<String, double[]> joints = new HashMap<>();
        for (String j : BodyFitter.JOINTS) {
            double[] p = scene.joint2d(j);
            joints.put(j, new double[] {p[0], p[1], 1});
        }
        return new ViewObservation(view == View.SIDE, w, h, scene.focalPx(), outline, joints, FitBench.RENDER_MASK_INSET_PX);
    }
}
