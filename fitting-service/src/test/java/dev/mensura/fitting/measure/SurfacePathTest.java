package dev.mensura.fitting.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Lengths along a surface on shapes with exact answers. */
class SurfacePathTest {

    @Test
    void halfWayRoundACylinderOverTheChosenSide() {
        Mesh cylinder = Shapes.ellipticCylinder(10, 10, 20, 2048, 2);
        double[] left = {-10, 10, 0};
        double[] right = {10, 10, 0};
        double back = SurfacePath.length(cylinder, Plane.horizontal(10), v -> true, left, right, p -> p[2] <= 1e-9);
        assertThat(back).isCloseTo(Math.PI * 10, within(0.05));
    }

    @Test
    void aQuarterOfAnEllipseOnlyTakesTheShortSide() {
        Mesh cylinder = Shapes.ellipticCylinder(10, 10, 20, 2048, 2);
        double quarter = SurfacePath.length(cylinder, Plane.horizontal(10), v -> true, new double[] {10, 10, 0},
                new double[] {0, 10, 10}, p -> true);
        assertThat(quarter).isCloseTo(Math.PI * 5, within(0.05));
    }

    @Test
    void alongTheSideOfABox() {
        Mesh box = Shapes.box(30, 20, 50);
        // a vertical plane through the middle of the (open) box, from the front's top edge to the back's
        // top edge: down the front, and the other way down the back; the side picks the front
        double down = SurfacePath.length(box, Plane.normalTo(new double[] {0, 25, 0}, new double[] {1, 0, 0}),
                v -> true, new double[] {0, 50, 10}, new double[] {0, 0, 10}, p -> p[2] > 9.99);
        assertThat(down).isCloseTo(50, within(0.05));
    }
}
