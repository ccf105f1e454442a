package dev.mensura.fitting.fit;

import ai.djl.Device;
import dev.mensura.fitting.body.BodyModel;
import dev.mensura.fitting.body.Target;

/**
 * {@link ShapeSpace} precomputed for an optimiser loop. With age, height, cup, firmness and
 * ancestry held, MakeHuman's macro blend is exactly multilinear in gender, muscle, weight and
 * proportions between the sliders' breakpoints (0, 0.5, 1: every combined target's weight is a
 * product of per-slider weights that are linear between them). So the blend is the multilinear
 * interpolation of 54 corner bodies (gender 0/1 × muscle, weight, proportions 0/0.5/1), read once,
 * and its derivative is exact too. The measure-* modifiers add their targets linearly. The blend
 * runs in plain Java (16 corners and the sparse targets) or, when given a device, as one matrix
 * product of DJL tensors ({@link TensorBlend}); the derivatives, needed at a few vertices only,
 * stay in Java.
 */
public final class ShapeBasis implements AutoCloseable {
    private static final double[] LEVELS = {0, 0.5, 1};
    private static final int MACROS = ShapeSpace.MACRO.size();

    private final int vertices;
    /** corner c's positions (decimetres, every vertex), c = ((g·3 + m)·3 + w)·3 + p. */
    private final float[][] corners = new float[54][];
    /** per modifier: its incr and decr targets. */
    private final Target[] incr = new Target[ShapeSpace.MODIFIERS.size()];
    private final Target[] decr = new Target[ShapeSpace.MODIFIERS.size()];
    /** per modifier: the incr and decr deltas as dense arrays (every vertex), for derivatives. */
    private final float[][] incrDense = new float[ShapeSpace.MODIFIERS.size()][];
    private final float[][] decrDense = new float[ShapeSpace.MODIFIERS.size()][];

    private final TensorBlend tensors;

    /** The blend in plain Java. */
    public ShapeBasis(ShapeSpace shapes) {
        this(shapes, null);
    }

    /** The blend on DJL tensors on {@code device}, or in plain Java when it is null. */
    public ShapeBasis(ShapeSpace shapes, Device device) {
        BodyModel model = shapes.model();
        this.vertices = model.base().vertexCount();
        for (int g = 0; g < 2; g++) {
            for (int m = 0; m < 3; m++) {
                for (int w = 0; w < 3; w++) {
                    for (int p = 0; p < 3; p++) {
                        double[] shape = ShapeSpace.neutral(g);
                        shape[1] = LEVELS[m];
                        shape[2] = LEVELS[w];
                        shape[3] = LEVELS[p];
                        corners[((g * 3 + m) * 3 + w) * 3 + p] = shapes.positions(shape);
                    }
                }
            }
        }
        for (int i = 0; i < incr.length; i++) {
            String name = ShapeSpace.MODIFIERS.get(i);
            incr[i] = model.modifier("measure-" + name + "-incr");
            decr[i] = model.modifier("measure-" + name + "-decr");
            incrDense[i] = new float[3 * vertices];
            decrDense[i] = new float[3 * vertices];
            incr[i].addTo(incrDense[i], 1);
            decr[i].addTo(decrDense[i], 1);
        }
        this.tensors = device == null ? null : new TensorBlend(stack(), device);
    }

    /** The corners, then every modifier's incr and decr target: the rows {@link #weights} weighs. */
    private float[][] stack() {
        float[][] rows = new float[corners.length + 2 * incr.length][];
        System.arraycopy(corners, 0, rows, 0, corners.length);
        for (int i = 0; i < incr.length; i++) {
            rows[corners.length + 2 * i] = incrDense[i];
            rows[corners.length + 2 * i + 1] = decrDense[i];
        }
        return rows;
    }

    /** A shape's weight for each row of {@link #stack}. */
    private float[] weights(double[] shape) {
        float[] w = new float[corners.length + 2 * incr.length];
        Cell cell = new Cell(shape);
        for (int k = 0; k < 16; k++) {
            w[cell.corner(k)] += (float) cell.weight(k);
        }
        for (int i = 0; i < incr.length; i++) {
            double v = shape[MACROS + i];
            w[corners.length + 2 * i] = (float) Math.max(0, v);
            w[corners.length + 2 * i + 1] = (float) Math.max(0, -v);
        }
        return w;
    }

    /** Where the blend runs: a DJL device, or null for plain Java. */
    public Device device() {
        return tensors == null ? null : tensors.device();
    }

    @Override
    public void close() {
        if (tensors != null) {
            tensors.close();
        }
    }

    public int vertexCount() {
        return vertices;
    }

    /** Rest-pose positions (decimetres, every vertex) for a shape vector, as ShapeSpace#positions gives them. */
    public double[] positions(double[] shape) {
        if (tensors != null) {
            return tensors.blend(weights(shape));
        }
        double[] out = new double[3 * vertices];
        Cell cell = new Cell(shape);
        for (int k = 0; k < 16; k++) {
            double weight = cell.weight(k);
            if (weight == 0) {
                continue;
            }
            float[] c = corners[cell.corner(k)];
            for (int i = 0; i < out.length; i++) {
                out[i] += weight * c[i];
            }
        }
        for (int i = 0; i < incr.length; i++) {
            double v = shape[MACROS + i];
            if (v > 0) {
                addTo(incr[i], out, v);
            } else if (v < 0) {
                addTo(decr[i], out, -v);
            }
        }
        return out;
    }

    /**
     * ∂position/∂shape at one vertex: {@code out[j]} = {dx, dy, dz} for shape entry j. A slider
     * at a breakpoint and a modifier at zero take the derivative of the side above.
     */
    public void derivative(double[] shape, Cell cell, int vertex, double[][] out) {
        int o = 3 * vertex;
        for (int j = 0; j < MACROS; j++) {
            out[j][0] = 0;
            out[j][1] = 0;
            out[j][2] = 0;
        }
        for (int k = 0; k < 16; k++) {
            float[] c = corners[cell.corner(k)];
            for (int j = 0; j < MACROS; j++) {
                double d = cell.slope(k, j);
                if (d != 0) {
                    out[j][0] += d * c[o];
                    out[j][1] += d * c[o + 1];
                    out[j][2] += d * c[o + 2];
                }
            }
        }
        for (int i = 0; i < incr.length; i++) {
            float[] t = shape[MACROS + i] < 0 ? decrDense[i] : incrDense[i];
            double sign = shape[MACROS + i] < 0 ? -1 : 1;
            out[MACROS + i][0] = sign * t[o];
            out[MACROS + i][1] = sign * t[o + 1];
            out[MACROS + i][2] = sign * t[o + 2];
        }
    }

    private static void addTo(Target t, double[] out, double weight) {
        int[] idx = t.indices();
        float[] d = t.deltas();
        for (int i = 0; i < idx.length; i++) {
            int o = 3 * idx[i];
            out[o] += weight * d[3 * i];
            out[o + 1] += weight * d[3 * i + 1];
            out[o + 2] += weight * d[3 * i + 2];
        }
    }

    /**
     * Where a shape's four sliders fall among the corners: per slider the interval's lower corner
     * index and the fraction within it; the 16 corners around, their weights and slopes.
     */
    public static final class Cell {
        private final int[] low = new int[MACROS];
        private final double[] t = new double[MACROS];
        private final double[] width = new double[MACROS];
        private int[] cornerOf;
        private double[] weightOf;
        private double[][] slopeOf;

        public Cell(double[] shape) {
            for (int j = 0; j < MACROS; j++) {
                double v = Math.max(0, Math.min(1, shape[j]));
                if (j == 0) { // gender has two corners, 0 and 1
                    low[j] = 0;
                    width[j] = 1;
                    t[j] = v;
                } else { // the others three: 0, 0.5, 1
                    low[j] = v < 0.5 ? 0 : 1;
                    width[j] = 0.5;
                    t[j] = (v - 0.5 * low[j]) / 0.5;
                }
            }
        }

        /** Corner k (bit j set: slider j at the interval's upper end) as an index into the corners. */
        int corner(int k) {
            if (cornerOf == null) {
                cornerOf = new int[16];
                weightOf = new double[16];
                slopeOf = new double[16][MACROS];
                for (int c = 0; c < 16; c++) {
                    int[] idx = new int[MACROS];
                    double w = 1;
                    for (int j = 0; j < MACROS; j++) {
                        boolean up = ((c >> j) & 1) == 1;
                        idx[j] = low[j] + (up ? 1 : 0);
                        w *= up ? t[j] : 1 - t[j];
                        double s = (up ? 1 : -1) / width[j];
                        for (int i = 0; i < MACROS; i++) {
                            if (i != j) {
                                boolean upI = ((c >> i) & 1) == 1;
                                s *= upI ? t[i] : 1 - t[i];
                            }
                        }
                        slopeOf[c][j] = s;
                    }
                    cornerOf[c] = ((idx[0] * 3 + idx[1]) * 3 + idx[2]) * 3 + idx[3];
                    weightOf[c] = w;
                }
            }
            return cornerOf[k];
        }

        double weight(int k) {
            corner(k);
            return weightOf[k];
        }

        /** ∂weight(k)/∂slider j. */
        double slope(int k, int j) {
            corner(k);
            return slopeOf[k][j];
        }
    }
}
