package dev.mensura.silhouette;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A person's outline as Mensura passes it from vision to fitting: the outer boundary of the
 * largest connected region of a mask, traced (Moore neighbourhood) and resampled to a fixed number
 * of points evenly spaced along its length, clockwise on screen from the top-most point, as x, y
 * pairs normalised to the image ([0, 1], y down).
 */
public final class Outline {
    /** The longer side of the grid vision traces its mask on, in cells (the shorter follows the photo's aspect). */
    public static final int GRID_LONG_SIDE = 512;
    private static final int[] DX = {1, 1, 0, -1, -1, -1, 0, 1};
    private static final int[] DY = {0, 1, 1, 1, 0, -1, -1, -1};

    private Outline() {
    }

    /**
     * @param cells a w x h grid, row by row, true where the person is
     * @return {@code points} x, y pairs; empty when no cell is set
     */
    public static float[] trace(boolean[] cells, int w, int h, int points) {
        boolean[] region = largestRegion(cells, w, h);
        int start = -1;
        for (int i = 0; i < region.length && start < 0; i++) {
            if (region[i]) {
                start = i;
            }
        }
        if (start < 0) {
            return new float[0];
        }
        List<int[]> trace = new ArrayList<>();
        int x = start % w;
        int y = start / w;
        int sx = x;
        int sy = y;
        int dir = 7; // the start is the first cell in row-major order: nothing above it or to its left
        do {
            trace.add(new int[] {x, y});
            int from = (dir + 6) % 8; // sweep clockwise from the neighbour known to be outside
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
        return resample(trace, w, h, points);
    }

    /**
     * How far inside the region's true edge a traced outline runs, in the photo's pixels: it
     * passes through the centres of the boundary cells, half a cell in from where the person ends.
     *
     * @param cellPx a mask cell's size in the photo's pixels
     */
    public static double insetPx(double cellPx) {
        return 0.5 * cellPx;
    }

    /** A mask cell's size in pixels when the mask is on vision's grid over a photo of this size. */
    public static double gridCellPx(int width, int height) {
        return (double) Math.max(width, height) / GRID_LONG_SIDE;
    }

    /**
     * Where a horizontal line at height {@code y} (normalised) crosses the outline, left to right:
     * pairs of entries and exits, so consecutive pairs are the person's spans on that row.
     */
    public static double[] crossings(float[] outline, double y) {
        return crossingsWithSteepness(outline, y)[0];
    }

    /**
     * {@link #crossings} and, for each, how steeply the outline crosses the row: |dy| / length of
     * the outline's segment there (1 for a vertical edge, near 0 for one along the row). A distance
     * along the row times the steepness is the distance square to the outline.
     */
    public static double[][] crossingsWithSteepness(float[] outline, double y) {
        int n = outline.length / 2;
        double[] xs = new double[n];
        double[] steep = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double x0 = outline[2 * i];
            double y0 = outline[2 * i + 1];
            double x1 = outline[2 * ((i + 1) % n)];
            double y1 = outline[2 * ((i + 1) % n) + 1];
            if ((y0 <= y) != (y1 <= y)) {
                xs[k] = x0 + (y - y0) / (y1 - y0) * (x1 - x0);
                steep[k] = Math.abs(y1 - y0) / Math.hypot(x1 - x0, y1 - y0);
                k++;
            }
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
        double[][] out = new double[2][k];
        for (int i = 0; i < k; i++) {
            out[0][i] = xs[order[i]];
            out[1][i] = steep[order[i]];
        }
        return out;
    }

    private static float[] resample(List<int[]> trace, int w, int h, int points) {
        int n = trace.size();
        double[] cumulative = new double[n + 1];
        for (int i = 0; i < n; i++) {
            int[] a = trace.get(i);
            int[] b = trace.get((i + 1) % n);
            cumulative[i + 1] = cumulative[i] + Math.hypot(b[0] - a[0], b[1] - a[1]);
        }
        double length = cumulative[n];
        float[] out = new float[points * 2];
        int seg = 0;
        for (int p = 0; p < points; p++) {
            double target = length * p / points;
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

    /** The largest 4-connected set of cells; stray blobs are not the person. */
    static boolean[] largestRegion(boolean[] cells, int w, int h) {
        int[] label = new int[w * h];
        int best = 0;
        int bestSize = 0;
        int next = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < label.length; i++) {
            if (label[i] != 0 || !cells[i]) {
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
                for (int[] nb : around) {
                    if (nb[0] >= 0 && nb[1] >= 0 && nb[0] < w && nb[1] < h) {
                        int j = nb[1] * w + nb[0];
                        if (label[j] == 0 && cells[j]) {
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
