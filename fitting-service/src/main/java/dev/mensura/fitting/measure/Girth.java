package dev.mensura.fitting.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A girth as a tape measures it (ISO 8559-1): the mesh is cut by a plane, and the tape follows the
 * convex hull of the cut (it bridges hollows such as the small of the back or between the
 * breasts). Only triangles whose three vertices pass {@code region} take part, which keeps a thigh
 * girth from also going around the other leg.
 */
public final class Girth {
    private Girth() {
    }

    /** The girth in the mesh's units; 0 when the plane misses the region. */
    public static double of(Mesh mesh, Plane plane, IntPredicate region) {
        List<double[]> points = cut(mesh, plane, region);
        return points.size() < 3 ? 0 : perimeter(hull(points));
    }

    /** Where the plane crosses the region's triangle edges, in the plane's 2D coordinates. */
    static List<double[]> cut(Mesh mesh, Plane plane, IntPredicate region) {
        int[] t = mesh.triangles();
        double[] d = new double[mesh.vertexCount()];
        for (int v = 0; v < d.length; v++) {
            d[v] = plane.distance(mesh.x(v), mesh.y(v), mesh.z(v));
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < t.length; i += 3) {
            int a = t[i];
            int b = t[i + 1];
            int c = t[i + 2];
            if (!region.test(a) || !region.test(b) || !region.test(c)) {
                continue;
            }
            crossing(mesh, plane, d, a, b, points);
            crossing(mesh, plane, d, b, c, points);
            crossing(mesh, plane, d, c, a, points);
        }
        return points;
    }

    private static void crossing(Mesh mesh, Plane plane, double[] d, int a, int b, List<double[]> out) {
        if ((d[a] > 0) == (d[b] > 0)) {
            return;
        }
        double s = d[a] / (d[a] - d[b]);
        out.add(plane.project(mesh.x(a) + s * (mesh.x(b) - mesh.x(a)), mesh.y(a) + s * (mesh.y(b) - mesh.y(a)),
                mesh.z(a) + s * (mesh.z(b) - mesh.z(a))));
    }

    /** Andrew's monotone chain; counter-clockwise, without repeating the first point. */
    static List<double[]> hull(List<double[]> points) {
        double[][] p = points.toArray(new double[0][]);
        Arrays.sort(p, Comparator.<double[]>comparingDouble(q -> q[0]).thenComparingDouble(q -> q[1]));
        double[][] h = new double[2 * p.length][];
        int k = 0;
        for (double[] q : p) {
            while (k >= 2 && turn(h[k - 2], h[k - 1], q) <= 0) {
                k--;
            }
            h[k++] = q;
        }
        for (int i = p.length - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && turn(h[k - 2], h[k - 1], p[i]) <= 0) {
                k--;
            }
            h[k++] = p[i];
        }
        return Arrays.asList(Arrays.copyOf(h, Math.max(0, k - 1)));
    }

    private static double turn(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    static double perimeter(List<double[]> polygon) {
        double sum = 0;
        for (int i = 0; i < polygon.size(); i++) {
            double[] a = polygon.get(i);
            double[] b = polygon.get((i + 1) % polygon.size());
            sum += Math.hypot(b[0] - a[0], b[1] - a[1]);
        }
        return sum;
    }
}
