package dev.mensura.fitting.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Girths of shapes with exact answers, in centimetres: error below 0.05 cm (0.5 mm). */
class GirthTest {
    private static final double HALF_MM = 0.05;

    @Test
    void aCylinderMeasuresTwoPiR() {
        Mesh cylinder = Shapes.ellipticCylinder(15, 15, 40, 2048, 4);
        assertThat(Girth.of(cylinder, Plane.horizontal(13.7), v -> true)).isCloseTo(2 * Math.PI * 15, within(HALF_MM));
    }

    @Test
    void anEllipticCylinderMeasuresItsEllipse() {
        Mesh waist = Shapes.ellipticCylinder(16, 11, 30, 2048, 3);
        assertThat(Girth.of(waist, Plane.horizontal(21), v -> true))
                .isCloseTo(Shapes.ellipsePerimeter(16, 11), within(HALF_MM));
    }

    @Test
    void aBoxMeasuresItsPerimeter() {
        Mesh box = Shapes.box(30, 20, 50);
        assertThat(Girth.of(box, Plane.horizontal(25), v -> true)).isCloseTo(100, within(HALF_MM));
    }

    @Test
    void aTiltedCutAroundALimbUsesThePlaneNormalToIt() {
        // the same cylinder cut square to its axis and cut at 30 degrees: the tape around the limb
        // is the circle; a level tape around a leaning limb would be an ellipse, 1/cos(30°) longer
        Mesh limb = Shapes.ellipticCylinder(6, 6, 40, 2048, 8);
        double square = Girth.of(limb, Plane.normalTo(new double[] {0, 20, 0}, new double[] {0, 1, 0}), v -> true);
        double tilt = Math.toRadians(30);
        double slanted = Girth.of(limb, Plane.normalTo(new double[] {0, 20, 0},
                new double[] {Math.sin(tilt), Math.cos(tilt), 0}), v -> true);
        assertThat(square).isCloseTo(2 * Math.PI * 6, within(HALF_MM));
        assertThat(slanted).isCloseTo(Shapes.ellipsePerimeter(6 / Math.cos(tilt), 6), within(HALF_MM));
    }

    @Test
    void theTapeBridgesHollowsAndIgnoresOtherRegions() {
        // two cylinders side by side, like two thighs: the region keeps the tape around one
        Mesh left = Shapes.ellipticCylinder(8, 8, 40, 1024, 2);
        double[] p = new double[left.positions().length * 2];
        System.arraycopy(left.positions(), 0, p, 0, left.positions().length);
        for (int i = 0; i < left.positions().length; i += 3) {
            p[left.positions().length + i] = left.positions()[i] + 20;
            p[left.positions().length + i + 1] = left.positions()[i + 1];
            p[left.positions().length + i + 2] = left.positions()[i + 2];
        }
        int n = left.vertexCount();
        int[] t = new int[left.triangles().length * 2];
        for (int i = 0; i < left.triangles().length; i++) {
            t[i] = left.triangles()[i];
            t[left.triangles().length + i] = left.triangles()[i] + n;
        }
        Mesh legs = new Mesh(p, t);
        assertThat(Girth.of(legs, Plane.horizontal(10), v -> v < n)).isCloseTo(2 * Math.PI * 8, within(HALF_MM));
        // both together: the hull bridges the gap, two half circles and two straight 20 cm runs
        assertThat(Girth.of(legs, Plane.horizontal(10), v -> true)).isCloseTo(2 * Math.PI * 8 + 40, within(HALF_MM));
    }

    @Test
    void aPlaneThatMissesMeasuresZero() {
        assertThat(Girth.of(Shapes.box(30, 20, 50), Plane.horizontal(60), v -> true)).isZero();
    }
}
