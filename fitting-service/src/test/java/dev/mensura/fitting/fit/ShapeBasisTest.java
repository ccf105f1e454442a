package dev.mensura.fitting.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The precomputed blend is MakeHuman's blend, and its derivative is the blend's. */
class ShapeBasisTest {
    static ShapeBasis basis;

    @BeforeAll
    static void load() throws Exception {
        FitRoundTripTest.load();
        basis = new ShapeBasis(FitRoundTripTest.shapes);
    }

    @Test
    void blendsAsTheBodyModelDoes() {
        Random random = new Random(7);
        for (int n = 0; n < 6; n++) {
            double[] shape = FitRoundTripTest.randomShape(random);
            shape[1 + n % 3] = n < 3 ? 0.1 : 0.9; // both sides of the sliders' middle breakpoint
            float[] expected = FitRoundTripTest.shapes.positions(shape);
            double[] got = basis.positions(shape);
            double worst = 0;
            for (int i = 0; i < got.length; i++) {
                worst = Math.max(worst, Math.abs(got[i] - expected[i]));
            }
            assertThat(worst).as("largest difference, decimetres").isLessThan(1e-5);
        }
    }

    @Test
    void derivativeIsTheBlendsSlope() {
        double[] shape = FitRoundTripTest.randomShape(new Random(3));
        ShapeBasis.Cell cell = new ShapeBasis.Cell(shape);
        double[][] d = new double[ShapeSpace.size()][3];
        double h = 1e-4;
        for (int v : new int[] {0, 4000, 12000}) {
            basis.derivative(shape, cell, v, d);
            for (int j = 0; j < ShapeSpace.size(); j++) {
                double[] up = shape.clone();
                up[j] += h;
                double[] down = shape.clone();
                down[j] -= h;
                double[] a = basis.positions(up);
                double[] b = basis.positions(down);
                for (int k = 0; k < 3; k++) {
                    double numeric = (a[3 * v + k] - b[3 * v + k]) / (2 * h);
                    assertThat(d[j][k]).as("vertex %d, entry %d, axis %d", v, j, k).isCloseTo(numeric,
                            org.assertj.core.data.Offset.offset(1e-6 + 1e-4 * Math.abs(numeric)));
                }
            }
        }
    }
}
