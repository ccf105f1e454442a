package dev.mensura.fitting.fit;

import java.util.Arrays;

/**
 * The body's silhouette on chosen image rows, exactly: every body triangle is projected, and
 * where a projected triangle crosses a row it covers an interval of that row (a line in the image
 * is a plane through the camera, and projection keeps straight edges straight, so interpolating
 * the projected edge is exact). The union of the intervals on a row are the silhouette's spans,
 * and their ends the edges the outline should show there. Each edge remembers the mesh edge it
 * lies on and where, so that its derivative follows from the two vertices'.
 */
final class RowSilhouette {
    private static final int INDEX_BITS = 24;
    /** Sorting keys stay positive for edges this far left of the image. */
    private static final double OFFSET_PX = 1 << 20;

    private RowSilhouette() {
    }

    /**
     * One row's edges left to right (entry, exit, entry, exit …); edge i lies on the mesh edge
     * from vertex {@code from[2i]} to {@code from[2i+1]}, a fraction {@code at[i]} of the way.
     */
    record Row(double[] u, int[] from, double[] at) {
        int size() {
            return u.length;
        }
    }

    /**
     * @param uv projected vertices, u, v pairs
     * @param rows image rows (v), ascending
     */
    static Row[] edges(double[] uv, int[] triangles, double[] rows) {
        int n = rows.length;
        double[][] spans = new double[n][64 * 2];
        int[][] ends = new int[n][64 * 4];
        double[][] fractions = new double[n][64 * 2];
        int[] counts = new int[n];
        // the rows are evenly spaced (or nearly): the first row at or below a height is a division away
        double first = rows[0];
        double step = n > 1 ? (rows[n - 1] - rows[0]) / (n - 1) : 1;
        for (int t = 0; t < triangles.length; t += 3) {
            int a = triangles[t];
            int b = triangles[t + 1];
            int c = triangles[t + 2];
            double va = uv[2 * a + 1];
            double vb = uv[2 * b + 1];
            double vc = uv[2 * c + 1];
            double lo = Math.min(va, Math.min(vb, vc));
            double hi = Math.max(va, Math.max(vb, vc));
            if (hi < first || lo > rows[n - 1]) {
                continue;
            }
            int k = Math.max(0, Math.min(n - 1, (int) Math.ceil((lo - first) / step)));
            while (k < n && rows[k] < lo) {
                k++;
            }
            while (k > 0 && rows[k - 1] >= lo) {
                k--;
            }
            for (; k < n && rows[k] <= hi; k++) {
                double row = rows[k];
                int i = counts[k];
                if (2 * i + 2 > spans[k].length) {
                    spans[k] = Arrays.copyOf(spans[k], 2 * spans[k].length);
                    ends[k] = Arrays.copyOf(ends[k], 2 * ends[k].length);
                    fractions[k] = Arrays.copyOf(fractions[k], 2 * fractions[k].length);
                }
                int[] pairs = ends[k];
                double[] fr = fractions[k];
                pairs[4 * i] = -1;
                pairs[4 * i + 2] = -1;
                consider(uv, a, b, row, pairs, fr, spans[k], i);
                consider(uv, b, c, row, pairs, fr, spans[k], i);
                consider(uv, c, a, row, pairs, fr, spans[k], i);
                if (pairs[4 * i] < 0) {
                    continue;
                }
                counts[k] = i + 1;
            }
        }
        Row[] out = new Row[n];
        for (int k = 0; k < n; k++) {
            out[k] = merge(spans[k], ends[k], fractions[k], counts[k]);
        }
        return out;
    }

    /** Widens interval i of a row by where the mesh edge p–q crosses the row, if it does. */
    private static void consider(double[] uv, int p, int q, double row, int[] pairs, double[] fractions,
                                 double[] spans, int i) {
        double vp = uv[2 * p + 1];
        double vq = uv[2 * q + 1];
        if ((vp > row) == (vq > row)) {
            return;
        }
        double s = (row - vp) / (vq - vp);
        double u = uv[2 * p] + s * (uv[2 * q] - uv[2 * p]);
        if (pairs[4 * i] < 0 || u < spans[2 * i]) {
            spans[2 * i] = u;
            pairs[4 * i] = p;
            pairs[4 * i + 1] = q;
            fractions[2 * i] = s;
        }
        if (pairs[4 * i + 2] < 0 || u > spans[2 * i + 1]) {
            spans[2 * i + 1] = u;
            pairs[4 * i + 2] = p;
            pairs[4 * i + 3] = q;
            fractions[2 * i + 1] = s;
        }
    }

    /** Overlapping intervals merged; their ends, left to right, with where each lies. */
    private static Row merge(double[] spans, int[] pairs, double[] fractions, int n) {
        if (n == 0) {
            return new Row(new double[0], new int[0], new double[0]);
        }
        // by start: the start (to 1/1024 px, offset to be positive) and the index packed in a long
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (Math.round((spans[2 * i] + OFFSET_PX) * 1024) << INDEX_BITS) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & ((1L << INDEX_BITS) - 1));
        }
        double[] u = new double[2 * n];
        int[] from = new int[4 * n];
        double[] at = new double[2 * n];
        int m = 0;
        int start = order[0];
        int end = order[0];
        for (int i = 1; i <= n; i++) {
            int j = i < n ? order[i] : -1;
            if (j >= 0 && spans[2 * j] <= spans[2 * end + 1]) {
                if (spans[2 * j + 1] > spans[2 * end + 1]) {
                    end = j;
                }
                continue;
            }
            u[m] = spans[2 * start];
            from[2 * m] = pairs[4 * start];
            from[2 * m + 1] = pairs[4 * start + 1];
            at[m] = fractions[2 * start];
            m++;
            u[m] = spans[2 * end + 1];
            from[2 * m] = pairs[4 * end + 2];
            from[2 * m + 1] = pairs[4 * end + 3];
            at[m] = fractions[2 * end + 1];
            m++;
            if (j >= 0) {
                start = j;
                end = j;
            }
        }
        return new Row(Arrays.copyOf(u, m), Arrays.copyOf(from, 2 * m), Arrays.copyOf(at, m));
    }
}
