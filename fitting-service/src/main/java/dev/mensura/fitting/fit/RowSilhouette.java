package dev.mensura.fitting.fit;

import java.util.Arrays;

/**
 * The body's silhouette on chosen image rows, exactly: every body triangle is projected, and
 * where a projected triangle crosses a row it covers an interval of that row (a line in the image
 * is a plane through the camera, and projection keeps straight edges straight, so interpolating
 * the projected edge is exact). The union of the intervals on a row are the silhouette's spans,
 * and their ends the edges the outline should show there.
 */
final class RowSilhouette {
    private RowSilhouette() {
    }

    /**
     * @param uv projected vertices, u, v pairs
     * @param rows image rows (v), ascending
     * @return per row, the silhouette's edges left to right (entry, exit, entry, exit …)
     */
    static double[][] edges(double[] uv, int[] triangles, double[] rows) {
        int n = rows.length;
        double[][] starts = new double[n][64];
        double[][] ends = new double[n][64];
        int[] counts = new int[n];
        double[] crossing = new double[1];
        for (int t = 0; t < triangles.length; t += 3) {
            int a = triangles[t];
            int b = triangles[t + 1];
            int c = triangles[t + 2];
            double va = uv[2 * a + 1];
            double vb = uv[2 * b + 1];
            double vc = uv[2 * c + 1];
            double lo = Math.min(va, Math.min(vb, vc));
            double hi = Math.max(va, Math.max(vb, vc));
            int from = Arrays.binarySearch(rows, lo);
            from = from < 0 ? -from - 1 : from;
            for (int k = from; k < n && rows[k] <= hi; k++) {
                double row = rows[k];
                double min = Double.MAX_VALUE;
                double max = -Double.MAX_VALUE;
                if (cross(uv, a, b, row, crossing)) {
                    min = Math.min(min, crossing[0]);
                    max = Math.max(max, crossing[0]);
                }
                if (cross(uv, b, c, row, crossing)) {
                    min = Math.min(min, crossing[0]);
                    max = Math.max(max, crossing[0]);
                }
                if (cross(uv, c, a, row, crossing)) {
                    min = Math.min(min, crossing[0]);
                    max = Math.max(max, crossing[0]);
                }
                if (min > max) {
                    continue;
                }
                int i = counts[k];
                if (i == starts[k].length) {
                    starts[k] = Arrays.copyOf(starts[k], 2 * i);
                    ends[k] = Arrays.copyOf(ends[k], 2 * i);
                }
                starts[k][i] = min;
                ends[k][i] = max;
                counts[k] = i + 1;
            }
        }
        double[][] edges = new double[n][];
        for (int k = 0; k < n; k++) {
            edges[k] = merge(starts[k], ends[k], counts[k]);
        }
        return edges;
    }

    private static boolean cross(double[] uv, int p, int q, double row, double[] out) {
        double vp = uv[2 * p + 1];
        double vq = uv[2 * q + 1];
        if ((vp > row) == (vq > row)) {
            return false;
        }
        double s = (row - vp) / (vq - vp);
        out[0] = uv[2 * p] + s * (uv[2 * q] - uv[2 * p]);
        return true;
    }

    /** Overlapping intervals merged; their ends, left to right. */
    private static double[] merge(double[] starts, double[] ends, int n) {
        if (n == 0) {
            return new double[0];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(starts[x], starts[y]));
        double[] out = new double[2 * n];
        int m = 0;
        double s = starts[order[0]];
        double e = ends[order[0]];
        for (int i = 1; i < n; i++) {
            int j = order[i];
            if (starts[j] <= e) {
                e = Math.max(e, ends[j]);
            } else {
                out[m++] = s;
                out[m++] = e;
                s = starts[j];
                e = ends[j];
            }
        }
        out[m++] = s;
        out[m++] = e;
        return Arrays.copyOf(out, m);
    }
}
