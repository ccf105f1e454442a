package dev.mensura.testkit.render;

/**
 * One person placed in the world (centimetres, y up, floor at y = 0): a posed body scaled to a
 * stature (top of head to sole), turned by {@code yawDeg} about the vertical axis through the
 * body's centre line, its feet on the floor and its centre line at x = {@code offsetXCm}, z = 0.
 */
public record Figure(PosedBody body, double statureCm, double yawDeg, double offsetXCm, Appearance appearance) {

    public Figure {
        if (!(statureCm > 0)) {
            throw new IllegalArgumentException("statureCm must be > 0: " + statureCm);
        }
    }

    /** Centimetres per mesh decimetre-unit for this figure. */
    public double scale() {
        return statureCm / body.statureDm();
    }

    /** World position (cm) of a point given in the mesh frame (decimetres). */
    public double[] toWorld(double x, double y, double z) {
        double s = scale();
        double mx = x * s;
        double my = (y - body.soleY()) * s;
        double mz = z * s;
        double yaw = Math.toRadians(yawDeg);
        double c = Math.cos(yaw);
        double sn = Math.sin(yaw);
        return new double[] {c * mx + sn * mz + offsetXCm, my, -sn * mx + c * mz};
    }

    public double[] toWorld(double[] meshPoint) {
        return toWorld(meshPoint[0], meshPoint[1], meshPoint[2]);
    }

    /** Turns a mesh-frame direction (normals) by the figure's yaw. */
    double[] turn(double x, double y, double z) {
        double yaw = Math.toRadians(yawDeg);
        double c = Math.cos(yaw);
        double sn = Math.sin(yaw);
        return new double[] {c * x + sn * z, y, -sn * x + c * z};
    }
}
