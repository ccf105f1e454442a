package dev.mensura.fitting.fit;

import dev.mensura.fitting.body.BaseMesh;
import dev.mensura.fitting.measure.BodyMeasurer;
import dev.mensura.fitting.measure.Measurement;
import dev.mensura.fitting.measure.Mesh;
import dev.mensura.fitting.measure.Segment;
import dev.mensura.silhouette.Outline;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Fits the hm08 body to a front and a side photo and the stated height. Unknowns: the shape
 * ({@link ShapeSpace}) and each photo's camera (distance, height, pitch, sideways offset; the
 * focal length is known). The body is scaled to the stated height, which fixes the scale.
 * Objective, solved by Levenberg–Marquardt with finite-difference Jacobians, from a woman's and a
 * man's average body, keeping the better:
 * <ul>
 * <li>silhouette agreement: on {@value #ROWS} image rows between the ankles and the shoulders of
 * each photo, every edge of the outline against the nearest edge of the body's exact projected
 * silhouette on that row ({@link RowSilhouette}), in cm at the body's distance, with a soft cap
 * so that a hand held differently is an outlier rather than evidence;</li>
 * <li>landmark reprojection of the joints both BlazePose and the skeleton have (shoulders, hips,
 * knees, ankles), 3 cm standard deviation (their definitions differ a little);</li>
 * <li>a weak prior towards the average shape.</li>
 * </ul>
 */
public final class BodyFitter {
    static final int ROWS = 60;
    static final int EDGES = 8;
    static final double LOW = 0.05;
    static final double HIGH = 0.78;
    static final double CAP_CM = 4;
    static final double LANDMARK_SIGMA_CM = 3;
    static final double PRIOR = 0.5;
    static final List<String> JOINTS = List.of("joint-l-shoulder", "joint-r-shoulder", "joint-l-upper-leg",
            "joint-r-upper-leg", "joint-l-knee", "joint-r-knee", "joint-l-ankle", "joint-r-ankle");

    private final ShapeSpace shapes;
    private final BodyMeasurer measurer;
    private final BaseMesh base;

    public BodyFitter(ShapeSpace shapes, Segment[] segments) {
        this.shapes = shapes;
        this.base = shapes.model().base();
        this.measurer = new BodyMeasurer(segments, base.groups());
    }

    /** The outcome: shape, cameras, the fitted body (cm, soles at 0) and how well it agrees. */
    public record Fit(double[] shape, double[] frontCamera, double[] sideCamera, double[] bodyCm,
                      double silhouetteRmsCm, double landmarkRmsCm, int evaluations,
                      Map<String, Measurement> measurements) {
        public boolean female() {
            return shape[0] < 0.5;
        }
    }

    public Fit fit(ViewObservation front, ViewObservation side, double statureCm) {
        Problem problem = new Problem(front, side, statureCm);
        double[] best = null;
        double bestCost = Double.MAX_VALUE;
        int evaluations = 0;
        // a woman's and a man's start: the sexes' shapes differ more than one descent bridges
        for (double gender : new double[] {0.05, 0.95}) {
            double[] x = problem.start(gender);
            // first the cameras alone, from the joints (a smooth problem), then everything
            problem.landmarksOnly = true;
            LeastSquaresOptimizer.Optimum cameras = problem.solve(x, cameraIndices());
            x = problem.expand(x, cameraIndices(), cameras.getPoint().toArray());
            problem.landmarksOnly = false;
            // the shape with the cameras held, then everything together
            LeastSquaresOptimizer.Optimum shape = problem.solve(x, shapeIndices());
            x = problem.expand(x, shapeIndices(), shape.getPoint().toArray());
            LeastSquaresOptimizer.Optimum all = problem.solve(x, allIndices());
            evaluations += cameras.getEvaluations() + shape.getEvaluations() + all.getEvaluations();
            if (all.getCost() < bestCost) {
                bestCost = all.getCost();
                best = all.getPoint().toArray();
            }
        }
        double[] shape = Arrays.copyOf(best, ShapeSpace.size());
        Body body = problem.body(shape);
        double[] rms = problem.rms(best);
        Map<String, Measurement> measured = measurer.measure(new Mesh(body.cm(), base.bodyTriangles()),
                shape[0] < 0.5);
        return new Fit(shape, Arrays.copyOfRange(best, ShapeSpace.size(), ShapeSpace.size() + 4),
                Arrays.copyOfRange(best, ShapeSpace.size() + 4, ShapeSpace.size() + 8), body.cm(), rms[0], rms[1],
                evaluations, Uncertainty.of(measured, rms[0]));
    }

    private static int[] cameraIndices() {
        int[] i = new int[8];
        for (int k = 0; k < 8; k++) {
            i[k] = ShapeSpace.size() + k;
        }
        return i;
    }

    private static int[] shapeIndices() {
        int[] i = new int[ShapeSpace.size()];
        for (int k = 0; k < i.length; k++) {
            i[k] = k;
        }
        return i;
    }

    private static int[] allIndices() {
        int[] i = new int[ShapeSpace.size() + 8];
        for (int k = 0; k < i.length; k++) {
            i[k] = k;
        }
        return i;
    }

    /** The measurements of a body given as rest-pose positions, scaled to a stature, as a fit's are taken. */
    public Map<String, Measurement> measure(float[] dm, double statureCm, boolean female) {
        return measurer.measure(new Mesh(frame(dm, statureCm).cm(), base.bodyTriangles()), female);
    }

    double[] residualsAt(ViewObservation front, ViewObservation side, double statureCm, double[] x) {
        return new Problem(front, side, statureCm).residuals(x, false);
    }

    /**
     * The time of one evaluation of the objective at a fit's optimum (blend, frame, silhouettes
     * and joints of both photos): the unit a fit's time is measured against. Median of 20.
     */
    public double evaluationMillis(ViewObservation front, ViewObservation side, double statureCm, Fit fit) {
        Problem problem = new Problem(front, side, statureCm);
        double[] x = new double[ShapeSpace.size() + 8];
        System.arraycopy(fit.shape(), 0, x, 0, ShapeSpace.size());
        System.arraycopy(fit.frontCamera(), 0, x, ShapeSpace.size(), 4);
        System.arraycopy(fit.sideCamera(), 0, x, ShapeSpace.size() + 4, 4);
        double[] times = new double[20];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            problem.residuals(x, true, frame(shapes.positions(fit.shape()), statureCm));
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    /** Residual RMS {silhouette, landmarks} (cm) at a given point: shape then the two cameras. */
    double[] rmsAt(ViewObservation front, ViewObservation side, double statureCm, double[] x) {
        return new Problem(front, side, statureCm).rms(x);
    }

    /** A body in the fit's frame: cm, soles at y = 0, the hips' centre on the y axis. */
    record Body(double[] cm, Map<String, double[]> joints) {
    }

    Body frame(float[] dm, double stature) {
        double sole = Double.MAX_VALUE;
        double top = -Double.MAX_VALUE;
        for (int v : base.bodyTriangles()) {
            sole = Math.min(sole, dm[3 * v + 1]);
            top = Math.max(top, dm[3 * v + 1]);
        }
        double[] hipL = base.centroid("joint-l-upper-leg", dm);
        double[] hipR = base.centroid("joint-r-upper-leg", dm);
        double x0 = (hipL[0] + hipR[0]) / 2;
        double z0 = (hipL[2] + hipR[2]) / 2;
        double s = stature / (top - sole);
        double[] cm = new double[dm.length];
        for (int v = 0; v < dm.length / 3; v++) {
            cm[3 * v] = (dm[3 * v] - x0) * s;
            cm[3 * v + 1] = (dm[3 * v + 1] - sole) * s;
            cm[3 * v + 2] = (dm[3 * v + 2] - z0) * s;
        }
        Map<String, double[]> joints = new HashMap<>();
        for (String j : JOINTS) {
            int[] members = base.groups().get(j);
            double[] c = new double[3];
            for (int v : members) {
                for (int k = 0; k < 3; k++) {
                    c[k] += cm[3 * v + k];
                }
            }
            joints.put(j, new double[] {c[0] / members.length, c[1] / members.length, c[2] / members.length});
        }
        return new Body(cm, joints);
    }

    /** The observed rows of one photo and the outline's edges on each, fixed for the whole fit. */
    private record ObservedRows(ViewObservation view, double[] rows, double[][] edges) {
        static ObservedRows of(ViewObservation view) {
            float[] o = view.outlinePx();
            double top = Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            for (int i = 1; i < o.length; i += 2) {
                top = Math.min(top, o[i]);
                bottom = Math.max(bottom, o[i]);
            }
            double[] rows = new double[ROWS];
            double[][] edges = new double[ROWS][];
            for (int k = 0; k < ROWS; k++) {
                // from the soles up: rows[] ascends in v, so it runs from the shoulders down
                double fraction = HIGH - (HIGH - LOW) * k / (ROWS - 1);
                rows[k] = bottom - fraction * (bottom - top);
                edges[k] = Outline.crossings(o, rows[k]);
            }
            return new ObservedRows(view, rows, edges);
        }
    }

    private final class Problem {
        private final ObservedRows front;
        private final ObservedRows side;
        private final double stature;
        private double[] cachedShape;
        private Body cachedBody;
        private float[] cachedPositions;
        /** While set, only the joints speak (the cameras' first fit). */
        boolean landmarksOnly;
        private double[] fixed;
        private int[] free;

        Problem(ViewObservation front, ViewObservation side, double stature) {
            this.front = ObservedRows.of(front);
            this.side = ObservedRows.of(side);
            this.stature = stature;
        }

        int residualCount() {
            return 2 * ROWS * EDGES + JOINTS.size() * 2 * 2 + ShapeSpace.size();
        }

        double[] start(double gender) {
            double[] x = new double[ShapeSpace.size() + 8];
            System.arraycopy(ShapeSpace.neutral(gender), 0, x, 0, ShapeSpace.size());
            System.arraycopy(initialCamera(front.view()), 0, x, ShapeSpace.size(), 4);
            System.arraycopy(initialCamera(side.view()), 0, x, ShapeSpace.size() + 4, 4);
            return x;
        }

        /** From the outline's extent: distance from its pixel height, height from the soles' row. */
        private double[] initialCamera(ViewObservation view) {
            float[] o = view.outlinePx();
            double top = Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            double left = Double.MAX_VALUE;
            double right = -Double.MAX_VALUE;
            for (int i = 0; i < o.length; i += 2) {
                left = Math.min(left, o[i]);
                right = Math.max(right, o[i]);
                top = Math.min(top, o[i + 1]);
                bottom = Math.max(bottom, o[i + 1]);
            }
            double distance = view.focalPx() * stature / (bottom - top);
            double height = (bottom - view.height() / 2.0) * distance / view.focalPx();
            double offset = ((left + right) / 2 - view.width() / 2.0) * distance / view.focalPx();
            return new double[] {distance, height, 0, offset};
        }

        /** Levenberg–Marquardt over the {@code free} entries of x, the others held. */
        LeastSquaresOptimizer.Optimum solve(double[] x, int[] freeIndices) {
            this.fixed = x.clone();
            this.free = freeIndices;
            double[] start = new double[free.length];
            for (int i = 0; i < free.length; i++) {
                start[i] = x[free[i]];
            }
            return new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(start)
                    .model(this::valueAndJacobian)
                    .target(new double[residualCount()])
                    .parameterValidator(this::clamp)
                    .maxEvaluations(400)
                    .maxIterations(100)
                    .lazyEvaluation(false)
                    .build());
        }

        double[] expand(double[] x, int[] indices, double[] values) {
            double[] out = x.clone();
            for (int i = 0; i < indices.length; i++) {
                out[indices[i]] = values[i];
            }
            return out;
        }

        private double[] full(double[] sub) {
            return expand(fixed, free, sub);
        }

        RealVector clamp(RealVector subPoint) {
            double[] x = full(subPoint.toArray());
            for (int i = 0; i < ShapeSpace.size(); i++) {
                x[i] = Math.max(ShapeSpace.lower(i), Math.min(ShapeSpace.upper(i), x[i]));
            }
            for (int v = 0; v < 2; v++) {
                int o = ShapeSpace.size() + 4 * v;
                x[o] = Math.max(50, x[o]);
                x[o + 2] = Math.max(-0.6, Math.min(0.6, x[o + 2]));
            }
            double[] sub = new double[free.length];
            for (int i = 0; i < free.length; i++) {
                sub[i] = x[free[i]];
            }
            return new ArrayRealVector(sub, false);
        }

        Pair<RealVector, RealMatrix> valueAndJacobian(RealVector subPoint) {
            double[] x = full(subPoint.toArray());
            double[] r0 = residuals(x, true);
            double[][] jac = new double[r0.length][free.length];
            for (int c = 0; c < free.length; c++) {
                int j = free[c];
                double h = step(j);
                double[] xj = x.clone();
                // step inwards at an upper bound, so the derivative is taken inside the box
                if (j < ShapeSpace.size() && xj[j] + h > ShapeSpace.upper(j)) {
                    h = -h;
                }
                xj[j] += h;
                double[] rj = ShapeSpace.linear(j)
                        ? residuals(xj, true, frame(shapes.moved(positions(x), x, j, h), stature))
                        : residuals(xj, true);
                for (int i = 0; i < r0.length; i++) {
                    jac[i][c] = (rj[i] - r0[i]) / h;
                }
            }
            return new Pair<>(new ArrayRealVector(r0, false), new Array2DRowRealMatrix(jac, false));
        }

        private double step(int j) {
            if (j < ShapeSpace.size()) {
                return 0.02;
            }
            return switch ((j - ShapeSpace.size()) % 4) {
                case 0 -> 1.0;
                case 1, 3 -> 0.5;
                default -> 0.002;
            };
        }

        /** {silhouette rms, landmark rms} in cm, without the cap. */
        double[] rms(double[] x) {
            double[] r = residuals(x, false);
            int silhouettes = 2 * ROWS * EDGES;
            return new double[] {rmsOf(r, 0, silhouettes),
                LANDMARK_SIGMA_CM * rmsOf(r, silhouettes, silhouettes + JOINTS.size() * 4)};
        }

        private double rmsOf(double[] r, int from, int to) {
            double sum = 0;
            int n = 0;
            for (int i = from; i < to; i++) {
                if (r[i] != 0) {
                    sum += r[i] * r[i];
                    n++;
                }
            }
            return Math.sqrt(sum / Math.max(1, n));
        }

        double[] residuals(double[] x, boolean capped) {
            return residuals(x, capped, body(Arrays.copyOf(x, ShapeSpace.size())));
        }

        double[] residuals(double[] x, boolean capped, Body body) {
            double[] shape = Arrays.copyOf(x, ShapeSpace.size());
            double[] r = new double[residualCount()];
            double[] camFront = Arrays.copyOfRange(x, ShapeSpace.size(), ShapeSpace.size() + 4);
            double[] camSide = Arrays.copyOfRange(x, ShapeSpace.size() + 4, ShapeSpace.size() + 8);
            if (!landmarksOnly) {
                silhouette(body, front, camFront, r, 0, capped);
                silhouette(body, side, camSide, r, ROWS * EDGES, capped);
            }
            int o = 2 * ROWS * EDGES;
            o = landmarks(body, front.view(), camFront, r, o);
            o = landmarks(body, side.view(), camSide, r, o);
            double[] neutral = ShapeSpace.neutral(0.5);
            for (int i = 1; i < ShapeSpace.size(); i++) {
                r[o + i] = PRIOR * (shape[i] - neutral[i]);
            }
            return r;
        }

        /** Each observed edge against the nearest edge of the body's projected silhouette on its row. */
        private void silhouette(Body body, ObservedRows observed, double[] camera, double[] r, int offset,
                                boolean capped) {
            ViewCamera.Projector projector = new ViewCamera.Projector(observed.view(), camera);
            double[] uv = projector.all(body.cm());
            double[][] model = RowSilhouette.edges(uv, base.bodyTriangles(), observed.rows());
            double cmPerPx = camera[0] / observed.view().focalPx();
            for (int k = 0; k < ROWS; k++) {
                double[] seen = observed.edges()[k];
                double[] predicted = model[k];
                for (int e = 0; e < Math.min(EDGES, seen.length); e++) {
                    double residual;
                    if (predicted.length == 0) {
                        residual = CAP_CM;
                    } else {
                        double nearest = predicted[0];
                        for (double p : predicted) {
                            if (Math.abs(p - seen[e]) < Math.abs(nearest - seen[e])) {
                                nearest = p;
                            }
                        }
                        residual = (nearest - seen[e]) * cmPerPx;
                    }
                    r[offset + k * EDGES + e] = capped ? CAP_CM * Math.tanh(residual / CAP_CM) : residual;
                }
            }
        }

        private int landmarks(Body body, ViewObservation view, double[] camera, double[] r, int offset) {
            ViewCamera.Projector projector = new ViewCamera.Projector(view, camera);
            double[] uv = new double[2];
            double cmPerPx = camera[0] / view.focalPx();
            for (String joint : JOINTS) {
                double[] observed = view.joints().get(joint);
                double[] p = body.joints().get(joint);
                if (observed != null && p != null) {
                    projector.project(p[0], p[1], p[2], uv);
                    double w = observed[2] / LANDMARK_SIGMA_CM;
                    r[offset] = w * (uv[0] - observed[0]) * cmPerPx;
                    r[offset + 1] = w * (uv[1] - observed[1]) * cmPerPx;
                }
                offset += 2;
            }
            return offset;
        }

        Body body(double[] shape) {
            if (cachedShape == null || !Arrays.equals(cachedShape, shape)) {
                cachedPositions = shapes.positions(shape);
                cachedBody = frame(cachedPositions, stature);
                cachedShape = shape.clone();
            }
            return cachedBody;
        }

        private float[] positions(double[] x) {
            body(Arrays.copyOf(x, ShapeSpace.size()));
            return cachedPositions;
        }
    }
}
