package dev.mensura.fitting.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.testkit.render.View;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fit's projection of the true body with the true cameras reproduces the rendered photos. */
class ForwardModelTest {

    @Test
    void theTrueBodyAndCamerasExplainThePhotos() throws Exception {
        FitRoundTripTest.load();
        Random random = new Random(1);
        double[] truth = FitRoundTripTest.randomShape(random);
        double stature = 160 + 30 * random.nextDouble();
        float[] dm = FitRoundTripTest.shapes.positions(truth);
        var front = FitRoundTripTest.observe(dm, stature, View.FRONT, 1);
        var side = FitRoundTripTest.observe(dm, stature, View.SIDE, 1);
        // the scene's camera: 250 cm away, at 0.72 of the stature, aimed at half of it
        var base = FitRoundTripTest.model.base();
        double[] hipL = base.centroid("joint-l-upper-leg", dm);
        double[] hipR = base.centroid("joint-r-upper-leg", dm);
        double sole = Double.MAX_VALUE;
        double top = -Double.MAX_VALUE;
        for (int v : base.bodyTriangles()) {
            sole = Math.min(sole, dm[3 * v + 1]);
            top = Math.max(top, dm[3 * v + 1]);
        }
        double s = stature / (top - sole);
        double x0 = (hipL[0] + hipR[0]) / 2 * s;
        double z0 = (hipL[2] + hipR[2]) / 2 * s;
        double pitch = Math.atan2(0.22 * stature, 250);
        double[] x = new double[FitProblem.SIZE];
        System.arraycopy(truth, 0, x, 0, truth.length);
        int o = ShapeSpace.size();
        x[o] = 250 - z0;
        x[o + 1] = 0.72 * stature;
        x[o + 2] = pitch;
        x[o + 3] = -x0;
        int c = ViewCamera.PARAMETERS;
        x[o + c] = 250 - x0;
        x[o + c + 1] = 0.72 * stature;
        x[o + c + 2] = pitch;
        x[o + c + 3] = z0;
        double[] rms = FitRoundTripTest.fitter.rmsAt(front, side, stature, x);
        double[] r = FitRoundTripTest.fitter.residualsAt(front, side, stature, x);
        for (int i = 0; i < 2 * FitProblem.ROWS * FitProblem.EDGES; i++) {
            if (Math.abs(r[i]) > 0.5) {
                System.out.printf("residual %d (row %d): %.2f%n", i, i / FitProblem.EDGES, r[i]);
            }
        }
        double outward = 0;
        int count = 0;
        for (int i = 0; i < 2 * FitProblem.ROWS * FitProblem.EDGES; i++) {
            if (r[i] != 0 && Math.abs(r[i]) < 0.5) {
                outward += (i % 2 == 0 ? 1 : -1) * r[i];
                count++;
            }
        }
        System.out.printf("mean outward offset of the photo vs the model: %.4f cm over %d edges%n", outward / count, count);
        System.out.printf("at the truth: silhouette rms %.3f cm, landmarks %.3f cm%n", rms[0], rms[1]);
        assertThat(rms[0]).isLessThan(0.15);
        // the outline's inset taken right: the model is neither wider nor narrower than the photo
        assertThat(Math.abs(outward / count)).isLessThan(0.05);
        assertThat(rms[1]).isLessThan(0.3);
    }
}
