package dev.mensura.fitting.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.fitting.body.Rig;
import dev.mensura.testkit.render.BodyModelDir;
import dev.mensura.testkit.render.View;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fit's exact Jacobian agrees with central differences of its residuals. */
class FitProblemTest {

    @Test
    void jacobianMatchesFiniteDifferences() throws Exception {
        FitRoundTripTest.load();
        Random random = new Random(5);
        double[] truth = FitRoundTripTest.randomShape(random);
        double stature = 172;
        float[] dm = FitRoundTripTest.shapes.positions(truth);
        var front = FitRoundTripTest.observe(dm, stature, View.FRONT, 5);
        var side = FitRoundTripTest.observe(dm, stature, View.SIDE, 5);
        FitProblem problem = new FitProblem(new ShapeBasis(FitRoundTripTest.shapes),
                FitRoundTripTest.model.base(), new LimbPose(Rig.read(BodyModelDir.resolve()),
                FitRoundTripTest.model.base()), front, side, stature);
        double[] x = problem.start(0.3);
        // somewhere off the start, inside the ranges and off the sliders' breakpoints
        Random jitter = new Random(11);
        for (int i = 0; i < ShapeSpace.size(); i++) {
            x[i] += i < 4 ? 0.13 : 0.3 * (jitter.nextDouble() - 0.5);
        }
        x[ShapeSpace.size() + ViewCamera.PITCH] = 0.12;
        x[ShapeSpace.size() + ViewCamera.ROLL] = 0.01;
        x[ShapeSpace.size() + ViewCamera.PARAMETERS + ViewCamera.PITCH] = 0.1;
        x[ShapeSpace.size() + ViewCamera.PARAMETERS + ViewCamera.YAW] = -0.02;
        x[FitProblem.POSE] = 0.08;
        x[FitProblem.POSE + 1] = -0.05;
        x[FitProblem.POSE + 2] = 0.03;
        x[FitProblem.POSE + 3] = -0.04;
        double[][] g = new double[FitProblem.residualCount()][];
        double[] r0 = problem.evaluate(x, true, g);
        int checked = 0;
        int agreeing = 0;
        for (int j = 0; j < FitProblem.SIZE; j++) {
            double h = j < ShapeSpace.size() ? 1e-5 : (j - ShapeSpace.size()) % ViewCamera.PARAMETERS < 2
                    || (j - ShapeSpace.size()) % ViewCamera.PARAMETERS == 3 ? 1e-4 : 1e-6;
            double[] up = x.clone();
            up[j] += h;
            double[] down = x.clone();
            down[j] -= h;
            double[] ru = problem.evaluate(up, true, null);
            double[] rd = problem.evaluate(down, true, null);
            for (int i = 0; i < r0.length; i++) {
                double numeric = (ru[i] - rd[i]) / (2 * h);
                double exact = g[i] == null ? 0 : g[i][j];
                if (Math.abs(numeric) < 1e-9 && Math.abs(exact) < 1e-9) {
                    continue;
                }
                checked++;
                // an edge that jumps to another triangle within ±h, or a gap (a hand by the hip) that
                // opens or closes, has no derivative there: rare
                if (Math.abs(numeric - exact) <= 1e-3 + 1e-3 * Math.abs(numeric)) {
                    agreeing++;
                }
            }
        }
        System.out.printf("jacobian: %d of %d entries agree%n", agreeing, checked);
        assertThat(checked).isGreaterThan(5_000);
        assertThat((double) agreeing / checked).isGreaterThan(0.995);
    }
}
