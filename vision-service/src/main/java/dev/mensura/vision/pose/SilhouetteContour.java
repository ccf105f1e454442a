package dev.mensura.vision.pose;

import java.util.ArrayDeque;

/**
 * The outline of the person in the mask, the only form in which the silhouette leaves vision: the
 * outer boundary of the largest connected region, traced (Moore neighbourhood) and resampled to a
 * fixed number of points evenly spaced along its length, clockwise from the top-most point, in
 * photo coordinates normalised to [0, 1].
 */
public final class SilhouetteContour {
    public static final int POINTS = 256;
    private static final int[] DX = {1, 1, 0, -1, -1, -1, 0, 1};
    private static final int[] DY = {0, 1, 1, 1, 0, -1, -1, -1};

    private SilhouetteContour() {
    }

    /** x, y pairs; empty when the mask holds no person. */
    public static float[] of(SilhouetteMask mask) {
        boolean[] region = largestRegion(mask);
        int w = mask.width();
        int h = mask.height();
        int start = -1;
        for (int i = 0; i < region.length && start < 0; i++) {
            if (region[i]) {
                start = i;
            }
        }
        if (start < 0) {
            return new float[0];
        }
        var trace = new java.util.ArrayList<int[]>();
        int x = start % w;
        int y = start / w;
        int sx = x;
        int sy = y;
        int dir = 7; // came from the left (the start is the first cell in row-major order)
        do {
            trace.add(new int[] {x, y});
            int from = (dir + 6) % 8; // begin the sweep just after the backtrack direction
            boolean moved = false;
            for (int k = 0; k < 8; k++) {
                int d = (from + k) % 8;
                int nx = x + DX[d];
                int ny = y + DY[d];
                if (nx >= 0 && ny >= 0 && nx < w && ny < h && region[ny * w + nx]) {
                    x = nx;
                    y = ny;
                    dir = d;
                    moved = true;
                    break;
                }
            }
            if (!moved || trace.size() > 4 * region.length) {
                break; // a single cell, or a safety stop
            }
        } while (x != sx || y != sy);
        return resample(trace, w, h);
    }

    private static float[] resample(java.util.List<int[]> trace, int w, int h) {
        int n = trace.size();
        double[] cumulative = new double[n + 1];
        for (int i = 0; i < n; i++) {
            int[] a = trace.get(i);
            int[] b = trace.get((i + 1) % n);
            cumulative[i + 1] = cumulative[i] + Math.hypot(b[0] - a[0], b[1] - a[1]);
        }
        double length = cumulative[n];
        float[] out = new float[POINTS * 2];
        int seg = 0;
        for (int p = 0; p < POINTS; p++) {
            double target = length * p / POINTS;
            while (seg < n - 1 && cumulative[seg + 1] < target) {
                seg++;
            }
            int[] a = trace.get(seg);
            int[] b = trace.get((seg + 1) % n);
            double span = cumulative[seg + 1] - cumulative[seg];
            double t = span > 0 ? (target - cumulative[seg]) / span : 0;
            out[2 * p] = (float) ((a[0] + t * (b[0] - a[0]) + 0.5) / w);
            out[2 * p + 1] = (float) ((a[1] + t * (b[1] - a[1]) + 0.5) / h);
        }
        return out;
    }

    /** The largest 4-connected set of person cells; stray blobs are not the person. */
    static boolean[] largestRegion(SilhouetteMask mask) {
        int w = mask.width();
        int h = mask.height();
        int[] label = new int[w * h];
        int best = 0;
        int bestSize = 0;
        int next = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < label.length; i++) {
            if (label[i] != 0 || !mask.person(i % w, i / w)) {
                continue;
            }
            next++;
            int size = 0;
            label[i] = next;
            queue.add(i);
            while (!queue.isEmpty()) {
                int c = queue.poll();
                size++;
                int cx = c % w;
                int cy = c / w;
                int[][] around = {{cx + 1, cy}, {cx - 1, cy}, {cx, cy + 1}, {cx, cy - 1}};
                for (int[] n : around) {
                    if (n[0] >= 0 && n[1] >= 0 && n[0] < w && n[1] < h) {
                        int j = n[1] * w + n[0];
                        if (label[j] == 0 && mask.person(n[0], n[1])) {
                            label[j] = next;
                            queue.add(j);
                        }
                    }
                }
            }
            if (size > bestSize) {
                bestSize = size;
                best = next;
            }
        }
        boolean[] region = new boolean[w * h];
        for (int i = 0; i < region.length; i++) {
            region[i] = best != 0 && label[i] == best;
        }
        return region;
    }
}
