package dev.mensura.fitting.measure;

/**
 * A cutting plane through {@code origin} with unit {@code normal}, and two unit axes spanning it
 * so that points in the plane get 2D coordinates.
 */
public record Plane(double[] origin, double[] normal, double[] u, double[] v) {

    /** The horizontal plane at height {@code y}, as a tape held level around the body. */
    public static Plane horizontal(double y) {
        return new Plane(new double[] {0, y, 0}, new double[] {0, 1, 0}, new double[] {1, 0, 0},
                new double[] {0, 0, 1});
    }

    /** The plane through {@code origin} perpendicular to {@code axis}, as a tape around a limb. */
    public static Plane normalTo(double[] origin, double[] axis) {
        double[] n = unit(axis);
        // any vector not parallel to n gives the first in-plane axis
        double[] helper = Math.abs(n[1]) < 0.9 ? new double[] {0, 1, 0} : new double[] {1, 0, 0};
        double[] u = unit(cross(helper, n));
        double[] v = cross(n, u);
        return new Plane(origin.clone(), n, u, v);
    }

    double distance(double x, double y, double z) {
        return (x - origin[0]) * normal[0] + (y - origin[1]) * normal[1] + (z - origin[2]) * normal[2];
    }

    double[] project(double x, double y, double z) {
        double dx = x - origin[0];
        double dy = y - origin[1];
        double dz = z - origin[2];
        return new double[] {dx * u[0] + dy * u[1] + dz * u[2], dx * v[0] + dy * v[1] + dz * v[2]};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] unit(double[] a) {
        double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }
}
