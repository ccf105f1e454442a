package dev.mensura.fitting.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * A length along the surface, as a tape laid on the skin between two points: the plane's cut
 * through the mesh is followed from the cut point nearest {@code a} to the one nearest {@code b},
 * on the side {@code side} accepts (e.g. over the back rather than over the chest).
 */
public final class SurfacePath {
    private SurfacePath() {
    }

    public static double length(Mesh mesh, Plane plane, IntPredicate region, double[] a, double[] b,
                                Predicate<double[]> side) {
        Map<Long, double[]> points = new HashMap<>();
        Map<Long, List<Long>> next = new HashMap<>();
        int[] t = mesh.triangles();
        double[] d = new double[mesh.vertexCount()];
        for (int v = 0; v < d.length; v++) {
            d[v] = plane.distance(mesh.x(v), mesh.y(v), mesh.z(v));
        }
        for (int i = 0; i < t.length; i += 3) {
            if (!region.test(t[i]) || !region.test(t[i + 1]) || !region.test(t[i + 2])) {
                continue;
            }
            List<Long> crossed = new ArrayList<>(2);
            for (int k = 0; k < 3; k++) {
                int p = t[i + k];
                int q = t[i + (k + 1) % 3];
                if ((d[p] > 0) != (d[q] > 0)) {
                    long key = Math.min(p, q) * 100_000L + Math.max(p, q);
                    double s = d[p] / (d[p] - d[q]);
                    points.computeIfAbsent(key, x -> new double[] {mesh.x(p) + s * (mesh.x(q) - mesh.x(p)),
                        mesh.y(p) + s * (mesh.y(q) - mesh.y(p)), mesh.z(p) + s * (mesh.z(q) - mesh.z(p))});
                    crossed.add(key);
                }
            }
            if (crossed.size() == 2) {
                next.computeIfAbsent(crossed.get(0), x -> new ArrayList<>()).add(crossed.get(1));
                next.computeIfAbsent(crossed.get(1), x -> new ArrayList<>()).add(crossed.get(0));
            }
        }
        long start = nearest(points, a, side);
        long end = nearest(points, b, side);
        double best = Double.NaN;
        for (Long first : next.getOrDefault(start, List.of())) {
            double len = dist(points.get(start), points.get(first));
            long previous = start;
            long current = first;
            boolean onSide = true;
            while (current != end) {
                onSide &= side.test(points.get(current));
                List<Long> around = next.getOrDefault(current, List.of());
                long following = -1;
                for (Long n : around) {
                    if (n != previous) {
                        following = n;
                        break;
                    }
                }
                if (following < 0 || following == start) {
                    len = Double.NaN; // an open end, or back round without meeting b
                    break;
                }
                len += dist(points.get(current), points.get(following));
                previous = current;
                current = following;
            }
            if (!Double.isNaN(len) && onSide && (Double.isNaN(best) || len < best)) {
                best = len;
            }
        }
        return best;
    }

    /**
     * The length of a plane's cut through the mesh inside a box (each cut segment clipped to it):
     * a tape over a stretch of surface that a box bounds better than two end points do, since it
     * changes smoothly with the body where the choice of a chain between two snapped points can jump.
     *
     * @param box {min x, max x, min z, max z}
     */
    public static double lengthWithin(Mesh mesh, Plane plane, IntPredicate region, double[] box) {
        int[] t = mesh.triangles();
        double[] d = new double[mesh.vertexCount()];
        for (int v = 0; v < d.length; v++) {
            d[v] = plane.distance(mesh.x(v), mesh.y(v), mesh.z(v));
        }
        double total = 0;
        double[][] crossed = new double[2][];
        for (int i = 0; i < t.length; i += 3) {
            if (!region.test(t[i]) || !region.test(t[i + 1]) || !region.test(t[i + 2])) {
                continue;
            }
            int n = 0;
            for (int k = 0; k < 3 && n < 2; k++) {
                int p = t[i + k];
                int q = t[i + (k + 1) % 3];
                if ((d[p] > 0) != (d[q] > 0)) {
                    double s = d[p] / (d[p] - d[q]);
                    crossed[n++] = new double[] {mesh.x(p) + s * (mesh.x(q) - mesh.x(p)),
                        mesh.y(p) + s * (mesh.y(q) - mesh.y(p)), mesh.z(p) + s * (mesh.z(q) - mesh.z(p))};
                }
            }
            if (n == 2) {
                total += clippedLength(crossed[0], crossed[1], box);
            }
        }
        return total;
    }

    /** The length of the part of segment p–q with box[0] ≤ x ≤ box[1] and box[2] ≤ z ≤ box[3]. */
    static double clippedLength(double[] p, double[] q, double[] box) {
        double from = 0;
        double to = 1;
        double[][] limits = {{0, box[0], 1}, {0, box[1], -1}, {2, box[2], 1}, {2, box[3], -1}};
        for (double[] limit : limits) {
            int axis = (int) limit[0];
            // sign · (p + s (q − p) − bound) ≥ 0
            double start = limit[2] * (p[axis] - limit[1]);
            double slope = limit[2] * (q[axis] - p[axis]);
            if (slope == 0) {
                if (start < 0) {
                    return 0;
                }
            } else if (slope > 0) {
                from = Math.max(from, -start / slope);
            } else {
                to = Math.min(to, -start / slope);
            }
        }
        return to > from ? (to - from) * dist(p, q) : 0;
    }

    /** The cut point nearest {@code to} on the wanted side (so a and b snap to the same chain). */
    private static long nearest(Map<Long, double[]> points, double[] to, Predicate<double[]> side) {
        long best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (var e : points.entrySet()) {
            if (!side.test(e.getValue())) {
                continue;
            }
            double dd = dist(e.getValue(), to);
            if (dd < bestDistance) {
                bestDistance = dd;
                best = e.getKey();
            }
        }
        return best;
    }

    static double dist(double[] p, double[] q) {
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }
}
