package dev.mensura.fitting.fit;

import dev.mensura.fitting.body.BaseMesh;
import dev.mensura.silhouette.Outline;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * One fit's least-squares problem over x = {shape, front camera, side camera}: its residuals
 * and their exact Jacobian. The Jacobian follows the chain shape → rest-pose vertices (the
 * multilinear blend's exact derivative, {@link ShapeBasis}) → the body scaled to the stature with
 * its soles at 0 and hips centred (the scale and centre move with the top, sole and hip vertices)
 * → projected vertices (the pinhole's derivative) → a silhouette edge, which lies a fraction s of
 * the way along a projected mesh edge p–q where that edge crosses the row v:
 * u = u_p + s (u_q − u_p), so du = (1−s)(du_p − m dv_p) + s(du_q − m dv_q), m the edge's du/dv.
 * Only the vertices that carry an edge or a joint are differentiated, which is why a Jacobian
 * costs about as much as one evaluation. Not thread-safe: one per start.
 */
final class FitProblem {
    static final int ROWS = 72;
    static final int EDGES = 8;
    /** The rows span the outline from just above the soles to the neck (fractions of its height). */
    static final double LOW = 0.05;
    static final double HIGH = 0.87;
    static final double CAP_CM = 4;
    static final double LANDMARK_SIGMA_CM = 2;
    static final double PRIOR = 0.5;
    /** Roll and yaw are small for a phone held upright facing the person: 1 unit of residual per 0.1 rad. */
    static final double ANGLE_PRIOR = 10;
    static final List<String> JOINTS = List.of("joint-l-shoulder", "joint-r-shoulder", "joint-l-upper-leg",
            "joint-r-upper-leg", "joint-l-knee", "joint-r-knee", "joint-l-ankle", "joint-r-ankle");

    private static final int SHAPE = ShapeSpace.size();
    private static final int CAM = ViewCamera.PARAMETERS;
    /** Where the limbs' angles sit in x, after the cameras. */
    static final int POSE = SHAPE + 2 * CAM;
    static final int SIZE = POSE + LimbPose.ANGLES;
    /** The limbs' angles are free within a range, with a weak pull to the rest pose: 1 unit per 0.5 rad. */
    static final double POSE_PRIOR = 2;
    static final double MAX_POSE_RAD = 0.5;
    /**
     * Both photos are taken by a phone left in place (or held at the same spot) while the person
     * turns, as the capture guide asks: the cameras' heights, pitches and rolls are pulled together,
     * 1 unit per 5 cm and per 0.03 rad (1.7°). Without it one camera's height and pitch can trade
     * against the legs' and torso's lengths.
     */
    static final int[] SAME_SPOT = {ViewCamera.HEIGHT, ViewCamera.PITCH, ViewCamera.ROLL};
    static final double[] SAME_SPOT_WEIGHT = {1 / 5.0, 1 / 0.03, 1 / 0.03};
    private static final int SILHOUETTE_RESIDUALS = 2 * ROWS * EDGES;
    private static final int JOINT_RESIDUALS = 2 * JOINTS.size() * 2;
    /** Per photo: the top of the head and the lowest point of the feet against the outline's. */
    private static final int EXTENT_RESIDUALS = 2 * 2;

    private final FitModel model;
    private final ShapeBasis basis;
    private final BaseMesh base;
    private final LimbPose limbs;
    private final ObservedRows[] views;
    private final double stature;
    private final int[][] jointMembers;
    private final int[] hipMembersLeft;
    private final int[] hipMembersRight;
    private final int[] bodyVertices;
    private int evaluations;
    /** While set, only the joints speak (the cameras' first fit). */
    private boolean landmarksOnly;
    private double[] fixed;
    private int[] free;
    private double[] bestX;
    private double bestCost;

    record Solution(double[] x, double cost, int evaluations) {
    }

    /** The two photos as the fit reads them, traced along its rows once per fit and shared by its starts. */
    record Photos(ObservedRows front, ObservedRows side) {
        static Photos of(ViewObservation front, ViewObservation side) {
            return new Photos(ObservedRows.of(front), ObservedRows.of(side));
        }
    }

    FitProblem(ShapeBasis basis, BaseMesh base, LimbPose limbs, ViewObservation front, ViewObservation side,
               double stature) {
        this(FitModel.of(basis, base, limbs), Photos.of(front, side), stature);
    }

    FitProblem(FitModel model, Photos photos, double stature) {
        this.model = model;
        this.basis = model.basis();
        this.base = model.base();
        this.limbs = model.limbs();
        this.views = new ObservedRows[] {photos.front(), photos.side()};
        this.stature = stature;
        this.jointMembers = model.jointMembers();
        this.hipMembersLeft = model.hipMembersLeft();
        this.hipMembersRight = model.hipMembersRight();
        this.bodyVertices = model.bodyVertices();
    }

    /** From an average body of the given sex, cameras level at first: {@link #coarse} then {@link #refine}. */
    Solution solve(double gender) {
        return refine(coarse(gender, 0).x());
    }

    /**
     * The cheap stages from an average body of the given sex and cameras pitched down by
     * {@code pitch} (rad): the cameras from the joints and the outline's extent with the pitch held
     * (the joints of an average body cannot tell a near, high, steep camera from a far, low, level
     * one, so the pitch is a hypothesis, not a result of this stage), then the macro sliders, the
     * limbs and the cameras, pitch free, against the silhouettes.
     */
    Solution coarse(double gender, double pitch) {
        double[] x = start(gender, pitch);
        landmarksOnly = true;
        int[] cameras = new int[2 * (CAM - 1)];
        int k = 0;
        for (int i = SHAPE; i < SHAPE + 2 * CAM; i++) {
            if ((i - SHAPE) % CAM != ViewCamera.PITCH) {
                cameras[k++] = i;
            }
        }
        x = optimise(x, cameras, 50).x();
        landmarksOnly = false;
        int macros = ShapeSpace.MACRO.size();
        int[] macroAndCameras = new int[macros + SIZE - SHAPE];
        for (int i = 0; i < macroAndCameras.length; i++) {
            macroAndCameras[i] = i < macros ? i : SHAPE + i - macros;
        }
        return optimise(x, macroAndCameras, 50);
    }

    /** Everything together from a coarse solution. */
    Solution refine(double[] x) {
        return optimise(x, range(0, SIZE), 200);
    }

    private double[] expand(double[] sub, int[] indices) {
        double[] out = fixed.clone();
        for (int i = 0; i < indices.length; i++) {
            out[indices[i]] = sub[i];
        }
        return out;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    double[] start(double gender) {
        return start(gender, 0);
    }

    double[] start(double gender, double pitch) {
        double[] x = new double[SIZE];
        System.arraycopy(ShapeSpace.neutral(gender), 0, x, 0, SHAPE);
        System.arraycopy(initialCamera(views[0], pitch), 0, x, SHAPE, CAM);
        System.arraycopy(initialCamera(views[1], pitch), 0, x, SHAPE + CAM, CAM);
        return x;
    }

    /**
     * From the outline's extent and a guessed pitch: distance from its pixel height, height such
     * that the soles' row looks down at the floor under the person.
     */
    private double[] initialCamera(ObservedRows rows, double pitch) {
        ViewObservation view = rows.view();
        double f = view.focalPx();
        double distance = f * stature / (rows.bottom() - rows.top());
        double belowAxis = Math.atan((rows.bottom() - view.height() / 2.0) / f);
        double height = distance * Math.tan(pitch + belowAxis);
        double offset = (rows.centre() - view.width() / 2.0) * distance / f;
        double[] c = new double[CAM];
        c[ViewCamera.DISTANCE] = distance;
        c[ViewCamera.HEIGHT] = height;
        c[ViewCamera.PITCH] = pitch;
        c[ViewCamera.OFFSET] = offset;
        return c;
    }

    /**
     * Levenberg–Marquardt over the {@code free} entries of x, the others held. Stopping at the
     * iteration limit is not an error: the best point seen so far is the answer.
     */
    private Solution optimise(double[] x, int[] freeIndices, int maxIterations) {
        int before = evaluations;
        this.fixed = x.clone();
        this.free = freeIndices;
        this.bestX = x.clone();
        this.bestCost = Double.MAX_VALUE;
        double[] start = new double[free.length];
        for (int i = 0; i < free.length; i++) {
            start[i] = x[free[i]];
        }
        try {
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
                    .withCostRelativeTolerance(1e-7)
                    .withParameterRelativeTolerance(1e-6)
                    .optimize(new LeastSquaresBuilder()
                            .start(start)
                            .model(this::valueAndJacobian)
                            .target(new double[residualCount()])
                            .parameterValidator(this::clamp)
                            .maxEvaluations(4 * maxIterations)
                            .maxIterations(maxIterations)
                            .lazyEvaluation(false)
                            .build());
            double[] end = expand(optimum.getPoint().toArray(), free);
            return new Solution(end, optimum.getCost() * optimum.getCost(), evaluations - before);
        } catch (MathIllegalStateException limitReached) {
            return new Solution(bestX, bestCost, evaluations - before);
        }
    }

    static int residualCount() {
        return SILHOUETTE_RESIDUALS + JOINT_RESIDUALS + EXTENT_RESIDUALS + SHAPE + 4 + LimbPose.ANGLES
                + SAME_SPOT.length;
    }

    private RealVector clamp(RealVector subPoint) {
        double[] x = expand(subPoint.toArray(), free);
        for (int i = 0; i < SHAPE; i++) {
            x[i] = Math.max(ShapeSpace.lower(i), Math.min(ShapeSpace.upper(i), x[i]));
        }
        for (int a = 0; a < LimbPose.ANGLES; a++) {
            x[POSE + a] = Math.max(-MAX_POSE_RAD, Math.min(MAX_POSE_RAD, x[POSE + a]));
        }
        for (int v = 0; v < 2; v++) {
            int o = SHAPE + CAM * v;
            x[o + ViewCamera.DISTANCE] = Math.max(50, x[o + ViewCamera.DISTANCE]);
            for (int a : new int[] {ViewCamera.PITCH, ViewCamera.ROLL, ViewCamera.YAW}) {
                x[o + a] = Math.max(-0.6, Math.min(0.6, x[o + a]));
            }
        }
        double[] sub = new double[free.length];
        for (int i = 0; i < free.length; i++) {
            sub[i] = x[free[i]];
        }
        return new ArrayRealVector(sub, false);
    }

    private Pair<RealVector, RealMatrix> valueAndJacobian(RealVector subPoint) {
        double[] x = expand(subPoint.toArray(), free);
        double[][] full = new double[residualCount()][];
        double[] r = evaluate(x, true, full);
        double cost = 0;
        for (double v : r) {
            cost += v * v;
        }
        if (cost < bestCost) {
            bestCost = cost;
            bestX = x;
        }
        double[][] jac = new double[r.length][free.length];
        for (int i = 0; i < r.length; i++) {
            if (full[i] != null) {
                for (int c = 0; c < free.length; c++) {
                    jac[i][c] = full[i][free[c]];
                }
            }
        }
        return new Pair<>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(jac, false));
    }

    /** The residuals, capped as the fit sees them. */
    double[] residuals(double[] x) {
        return evaluate(x, true, null);
    }

    /**
     * {silhouette rms, landmark rms} in cm, without the cap. The silhouette's leaves out its worst
     * {@value #QUALITY_TRIM} of edges: a finger or a hand touching the hip changes an edge or two
     * by decimetres and says nothing about how well the body fits.
     */
    double[] rms(double[] x) {
        double[] r = evaluate(x, false, null);
        return new double[] {trimmedRms(Arrays.copyOfRange(r, 0, SILHOUETTE_RESIDUALS)),
            LANDMARK_SIGMA_CM * rmsOf(r, SILHOUETTE_RESIDUALS, SILHOUETTE_RESIDUALS + JOINT_RESIDUALS)};
    }

    static final double QUALITY_TRIM = 0.05;

    private static double trimmedRms(double[] r) {
        double[] used = Arrays.stream(r).filter(v -> v != 0).map(Math::abs).sorted().toArray();
        int keep = (int) Math.ceil(used.length * (1 - QUALITY_TRIM));
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            sum += used[i] * used[i];
        }
        return Math.sqrt(sum / Math.max(1, keep));
    }

    private static double rmsOf(double[] r, int from, int to) {
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

    /** The fitted body in cm, soles at 0, hips centred. */
    double[] bodyCm(double[] shape) {
        return frame(model, basis.positions(shape), stature);
    }

    /** A body in the fit's frame: cm, soles at y = 0, the hips' centre on the y axis. */
    static double[] frame(FitModel model, double[] dm, double stature) {
        Frame f = Frame.of(model.base(), model.bodyVertices(), dm, stature);
        double[] cm = new double[dm.length];
        for (int v = 0; v < dm.length / 3; v++) {
            f.apply(dm, v, cm);
        }
        return cm;
    }

    /** Scale and centre of the frame, and the vertices that set them. */
    private record Frame(double scale, double x0, double sole, double z0, int top, int soleVertex, double height) {
        static Frame of(BaseMesh base, int[] bodyVertices, double[] dm, double stature) {
            int soleV = -1;
            int topV = -1;
            for (int v : bodyVertices) {
                double y = dm[3 * v + 1];
                if (soleV < 0 || y < dm[3 * soleV + 1]) {
                    soleV = v;
                }
                if (topV < 0 || y > dm[3 * topV + 1]) {
                    topV = v;
                }
            }
            double[] hipL = centroid(base.groups().get("joint-l-upper-leg"), dm);
            double[] hipR = centroid(base.groups().get("joint-r-upper-leg"), dm);
            double height = dm[3 * topV + 1] - dm[3 * soleV + 1];
            return new Frame(stature / height, (hipL[0] + hipR[0]) / 2, dm[3 * soleV + 1], (hipL[2] + hipR[2]) / 2,
                    topV, soleV, height);
        }

        void apply(double[] dm, int v, double[] cm) {
            cm[3 * v] = (dm[3 * v] - x0) * scale;
            cm[3 * v + 1] = (dm[3 * v + 1] - sole) * scale;
            cm[3 * v + 2] = (dm[3 * v + 2] - z0) * scale;
        }
    }

    private static double[] centroid(int[] members, double[] p) {
        double[] c = new double[3];
        for (int v : members) {
            c[0] += p[3 * v];
            c[1] += p[3 * v + 1];
            c[2] += p[3 * v + 2];
        }
        c[0] /= members.length;
        c[1] /= members.length;
        c[2] /= members.length;
        return c;
    }

    /**
     * Residuals at x (capped or not); when {@code gradients} is given, each residual's gradient
     * by every entry of x (null for a residual that does not depend on x).
     */
    double[] evaluate(double[] x, boolean capped, double[][] gradients) {
        evaluations++;
        double[] shape = Arrays.copyOf(x, SHAPE);
        double[] dm = basis.positions(shape);
        Frame frame = Frame.of(base, bodyVertices, dm, stature);
        double[] cm = new double[dm.length];
        for (int v : bodyVertices) {
            frame.apply(dm, v, cm);
        }
        for (int[] members : jointMembers) {
            for (int v : members) {
                frame.apply(dm, v, cm);
            }
        }
        double[] angles = Arrays.copyOfRange(x, POSE, SIZE);
        double[][] pivots = limbs.pivots(cm);
        double[] rest = cm;
        cm = limbs.posed(rest, angles, pivots);
        Derivatives d = gradients == null ? null : new Derivatives(shape, dm, frame, rest, angles, pivots);
        double[] r = new double[residualCount()];
        for (int view = 0; view < 2; view++) {
            double[] camera = Arrays.copyOfRange(x, SHAPE + CAM * view, SHAPE + CAM * (view + 1));
            ViewCamera.Projector projector = new ViewCamera.Projector(views[view].view(), camera);
            double[] uv = projectBody(projector, cm);
            if (!landmarksOnly) {
                silhouette(view, projector, uv, r, gradients, d, capped);
            }
            landmarks(view, projector, cm, r, gradients, d);
            extent(view, projector, uv, r, gradients, d);
        }
        int o = SILHOUETTE_RESIDUALS + JOINT_RESIDUALS + EXTENT_RESIDUALS;
        double[] neutral = ShapeSpace.neutral(0.5);
        for (int i = 1; i < SHAPE; i++) {
            r[o + i] = PRIOR * (shape[i] - neutral[i]);
            if (gradients != null) {
                gradients[o + i] = new double[SIZE];
                gradients[o + i][i] = PRIOR;
            }
        }
        o += SHAPE;
        for (int view = 0; view < 2; view++) {
            for (int a : new int[] {ViewCamera.ROLL, ViewCamera.YAW}) {
                int i = SHAPE + CAM * view + a;
                r[o] = ANGLE_PRIOR * x[i];
                if (gradients != null) {
                    gradients[o] = new double[SIZE];
                    gradients[o][i] = ANGLE_PRIOR;
                }
                o++;
            }
        }
        for (int a = 0; a < LimbPose.ANGLES; a++) {
            r[o] = POSE_PRIOR * angles[a];
            if (gradients != null) {
                gradients[o] = new double[SIZE];
                gradients[o][POSE + a] = POSE_PRIOR;
            }
            o++;
        }
        for (int t = 0; t < SAME_SPOT.length; t++) {
            int front = SHAPE + SAME_SPOT[t];
            int side = SHAPE + CAM + SAME_SPOT[t];
            r[o] = SAME_SPOT_WEIGHT[t] * (x[front] - x[side]);
            if (gradients != null) {
                gradients[o] = new double[SIZE];
                gradients[o][front] = SAME_SPOT_WEIGHT[t];
                gradients[o][side] = -SAME_SPOT_WEIGHT[t];
            }
            o++;
        }
        return r;
    }

    /** Each observed edge against its edge of the body's projected silhouette on that row. */
    private void silhouette(int view, ViewCamera.Projector projector, double[] uv, double[] r, double[][] gradients,
                            Derivatives d, boolean capped) {
        ObservedRows observed = views[view];
        RowSilhouette.Row[] model = RowSilhouette.edges(uv, base.bodyTriangles(), observed.rows());
        double cmPerPx = projector.distance() / projector.focal();
        int offset = view * ROWS * EDGES;
        for (int k = 0; k < ROWS; k++) {
            double[] seen = observed.edges()[k];
            RowSilhouette.Row predicted = model[k];
            for (int e = 0; e < Math.min(EDGES, seen.length); e++) {
                int i = offset + k * EDGES + e;
                if (predicted.size() == 0) {
                    r[i] = capped ? CAP_CM : 10 * CAP_CM;
                    continue;
                }
                int match = predicted.size() == seen.length ? e : nearest(predicted.u(), seen[e]);
                // square to the outline: the distance along the row times the outline's steepness
                // there, and the outline moved out by its inset (entries left, exits right)
                double steep = observed.steepness()[k][e];
                double px = steep * (predicted.u()[match] - seen[e])
                        + (seen.length % 2 == 0 ? (e % 2 == 0 ? 1 : -1) * observed.inset() : 0);
                double raw = px * cmPerPx;
                double t = Math.tanh(raw / CAP_CM);
                r[i] = capped ? CAP_CM * t : raw;
                if (gradients != null) {
                    double[] g = edgeGradient(view, projector, uv, predicted, match, d);
                    double factor = steep * cmPerPx * (capped ? 1 - t * t : 1);
                    for (int c = 0; c < SIZE; c++) {
                        g[c] *= factor;
                    }
                    // the pixels' scale grows with the camera's distance
                    g[SHAPE + CAM * view + ViewCamera.DISTANCE] += px / projector.focal() * (capped ? 1 - t * t : 1);
                    gradients[i] = g;
                }
            }
        }
    }

    private static int nearest(double[] predicted, double u) {
        int best = 0;
        for (int p = 1; p < predicted.length; p++) {
            if (Math.abs(predicted[p] - u) < Math.abs(predicted[best] - u)) {
                best = p;
            }
        }
        return best;
    }

    /** du of a silhouette edge by x, from its mesh edge's two projected vertices. */
    private double[] edgeGradient(int view, ViewCamera.Projector projector, double[] uv, RowSilhouette.Row row,
                                  int edge, Derivatives d) {
        int p = row.from()[2 * edge];
        int q = row.from()[2 * edge + 1];
        double s = row.at()[edge];
        double slope = (uv[2 * q] - uv[2 * p]) / (uv[2 * q + 1] - uv[2 * p + 1]);
        double[][] gp = d.projected(view, projector, p);
        double[][] gq = d.projected(view, projector, q);
        double[] g = new double[SIZE];
        for (int c = 0; c < SIZE; c++) {
            g[c] = (1 - s) * (gp[0][c] - slope * gp[1][c]) + s * (gq[0][c] - slope * gq[1][c]);
        }
        return g;
    }

    private double[] projectBody(ViewCamera.Projector projector, double[] cm) {
        double[] uv = new double[cm.length / 3 * 2];
        double[] one = new double[2];
        for (int v : bodyVertices) {
            projector.project(cm[3 * v], cm[3 * v + 1], cm[3 * v + 2], one);
            uv[2 * v] = one[0];
            uv[2 * v + 1] = one[1];
        }
        return uv;
    }

    private void landmarks(int view, ViewCamera.Projector projector, double[] cm, double[] r, double[][] gradients,
                           Derivatives d) {
        ViewObservation observation = views[view].view();
        int offset = SILHOUETTE_RESIDUALS + view * JOINTS.size() * 2;
        double cmPerPx = projector.distance() / projector.focal();
        double[] uv = new double[8];
        for (int j = 0; j < JOINTS.size(); j++) {
            double[] observed = observation.joints().get(JOINTS.get(j));
            if (observed == null) {
                continue;
            }
            double[] p = centroid(jointMembers[j], cm);
            projector.projectWithGradient(p[0], p[1], p[2], uv);
            double w = observed[2] / LANDMARK_SIGMA_CM;
            int i = offset + 2 * j;
            r[i] = w * (uv[0] - observed[0]) * cmPerPx;
            r[i + 1] = w * (uv[1] - observed[1]) * cmPerPx;
            if (gradients != null) {
                double[][] g = d.jointProjected(view, projector, j, p, uv);
                for (int a = 0; a < 2; a++) {
                    double[] row = g[a];
                    for (int c = 0; c < SIZE; c++) {
                        row[c] *= w * cmPerPx;
                    }
                    row[SHAPE + CAM * view + ViewCamera.DISTANCE] += w * (uv[a] - observed[a]) / projector.focal();
                    gradients[i + a] = row;
                }
            }
        }
    }

    /**
     * The outline's top and bottom rows against the body's highest and lowest projected points:
     * the rows carry only horizontal evidence, and these pin the camera's height and pitch.
     */
    private void extent(int view, ViewCamera.Projector projector, double[] uv, double[] r, double[][] gradients,
                        Derivatives d) {
        ObservedRows observed = views[view];
        int highest = -1;
        int lowest = -1;
        for (int v : bodyVertices) {
            if (highest < 0 || uv[2 * v + 1] < uv[2 * highest + 1]) {
                highest = v;
            }
            if (lowest < 0 || uv[2 * v + 1] > uv[2 * lowest + 1]) {
                lowest = v;
            }
        }
        double cmPerPx = projector.distance() / projector.focal();
        int offset = SILHOUETTE_RESIDUALS + JOINT_RESIDUALS + 2 * view;
        int[] vertices = {highest, lowest};
        double[] seen = {observed.top(), observed.bottom()};
        for (int k = 0; k < 2; k++) {
            double px = uv[2 * vertices[k] + 1] - seen[k];
            r[offset + k] = px * cmPerPx;
            if (gradients != null) {
                double[] g = d.projected(view, projector, vertices[k])[1].clone();
                for (int c = 0; c < SIZE; c++) {
                    g[c] *= cmPerPx;
                }
                g[SHAPE + CAM * view + ViewCamera.DISTANCE] += px / projector.focal();
                gradients[offset + k] = g;
            }
        }
    }

    /** Derivatives of the framed body's vertices and their projections, computed as needed. */
    private final class Derivatives {
        private final double[] shape;
        private final double[] dm;
        private final Frame frame;
        /** the framed body in the rest pose, and the limbs' angles and pivots that pose it. */
        private final double[] cm;
        private final double[] angles;
        private final double[][] pivots;
        private final double[][][] pivotByShape = new double[LimbPose.ANGLES][][];
        private final Map<Integer, double[][]> posedByShape = new HashMap<>();
        private final ShapeBasis.Cell cell;
        /** ∂(x0, sole, z0)/∂shape_j and ∂scale/∂shape_j. */
        private final double[][] centre = new double[SHAPE][3];
        private final double[] scale = new double[SHAPE];
        private final Map<Integer, double[][]> framed = new HashMap<>();
        @SuppressWarnings("unchecked")
        private final Map<Integer, double[][]>[] projected = new Map[] {new HashMap<>(), new HashMap<>()};
        private final double[][] tmp = new double[SHAPE][3];

        Derivatives(double[] shape, double[] dm, Frame frame, double[] cm, double[] angles, double[][] pivots) {
            this.shape = shape;
            this.dm = dm;
            this.frame = frame;
            this.cm = cm;
            this.angles = angles;
            this.pivots = pivots;
            this.cell = new ShapeBasis.Cell(shape);
            addMean(hipMembersLeft, 0.5);
            addMean(hipMembersRight, 0.5);
            basis.derivative(shape, cell, frame.soleVertex(), tmp);
            double[] soleY = new double[SHAPE];
            for (int j = 0; j < SHAPE; j++) {
                centre[j][1] = tmp[j][1];
                soleY[j] = tmp[j][1];
            }
            basis.derivative(shape, cell, frame.top(), tmp);
            for (int j = 0; j < SHAPE; j++) {
                scale[j] = -frame.scale() / frame.height() * (tmp[j][1] - soleY[j]);
            }
        }

        /** Adds weight × the mean derivative of the members' x and z to the centre's. */
        private void addMean(int[] members, double weight) {
            for (int v : members) {
                basis.derivative(shape, cell, v, tmp);
                for (int j = 0; j < SHAPE; j++) {
                    centre[j][0] += weight * tmp[j][0] / members.length;
                    centre[j][2] += weight * tmp[j][2] / members.length;
                }
            }
        }

        /** ∂cm_v/∂shape_j as {j}{x, y, z}. */
        double[][] framed(int v) {
            return framed.computeIfAbsent(v, key -> {
                basis.derivative(shape, cell, v, tmp);
                double[][] out = new double[SHAPE][3];
                double[] c = {frame.x0(), frame.sole(), frame.z0()};
                for (int j = 0; j < SHAPE; j++) {
                    for (int k = 0; k < 3; k++) {
                        out[j][k] = frame.scale() * (tmp[j][k] - centre[j][k]) + (dm[3 * v + k] - c[k]) * scale[j];
                    }
                }
                return out;
            });
        }

        /** The shoulder joint's ∂/∂shape_j, {j}{x, y, z}: the mean of its cube's. */
        private double[][] pivotByShape(int limb) {
            if (pivotByShape[limb] == null) {
                double[][] mean = new double[SHAPE][3];
                for (int v : limbs.pivotMembers(limb)) {
                    double[][] f = framed(v);
                    for (int j = 0; j < SHAPE; j++) {
                        for (int k = 0; k < 3; k++) {
                            mean[j][k] += f[j][k] / limbs.pivotCount(limb);
                        }
                    }
                }
                pivotByShape[limb] = mean;
            }
            return pivotByShape[limb];
        }

        /** Vertex v as posed: {x, y, z}, p' = p + Σ_limbs w (R − I)(p − s). */
        double[] posedPoint(int v) {
            double[] p = {cm[3 * v], cm[3 * v + 1], cm[3 * v + 2]};
            if (!limbs.moves(v)) {
                return p;
            }
            for (int limb = 0; limb < LimbPose.ANGLES; limb++) {
                double w = limbs.weight(limb, v);
                if (w > 0) {
                    double angle = LimbPose.sign(limb) * angles[limb];
                    double x = cm[3 * v] - pivots[limb][0];
                    double y = cm[3 * v + 1] - pivots[limb][1];
                    p[0] += w * ((Math.cos(angle) - 1) * x - Math.sin(angle) * y);
                    p[1] += w * (Math.sin(angle) * x + (Math.cos(angle) - 1) * y);
                }
            }
            return p;
        }

        /** ∂(posed vertex v)/∂shape_j, {j}{x, y, z}. */
        double[][] posedByShape(int v) {
            if (!limbs.moves(v)) {
                return framed(v);
            }
            return posedByShape.computeIfAbsent(v, key -> {
                double[][] f = framed(v);
                double[][] out = new double[SHAPE][];
                for (int j = 0; j < SHAPE; j++) {
                    out[j] = f[j].clone();
                }
                for (int limb = 0; limb < LimbPose.ANGLES; limb++) {
                    double w = limbs.weight(limb, v);
                    if (w <= 0) {
                        continue;
                    }
                    double angle = LimbPose.sign(limb) * angles[limb];
                    double c = Math.cos(angle) - 1;
                    double s = Math.sin(angle);
                    double[][] ds = pivotByShape(limb);
                    for (int j = 0; j < SHAPE; j++) {
                        double x = f[j][0] - ds[j][0];
                        double y = f[j][1] - ds[j][1];
                        out[j][0] += w * (c * x - s * y);
                        out[j][1] += w * (s * x + c * y);
                    }
                }
                return out;
            });
        }

        /** ∂(posed vertex v)/∂angle_a, {a}{x, y, z}. */
        double[][] posedByAngle(int v) {
            double[][] out = new double[LimbPose.ANGLES][3];
            if (!limbs.moves(v)) {
                return out;
            }
            for (int limb = 0; limb < LimbPose.ANGLES; limb++) {
                double w = limbs.weight(limb, v);
                if (w <= 0) {
                    continue;
                }
                double sign = LimbPose.sign(limb);
                double angle = sign * angles[limb];
                double x = cm[3 * v] - pivots[limb][0];
                double y = cm[3 * v + 1] - pivots[limb][1];
                out[limb][0] = sign * w * (-Math.sin(angle) * x - Math.cos(angle) * y);
                out[limb][1] = sign * w * (Math.cos(angle) * x - Math.sin(angle) * y);
            }
            return out;
        }

        /** {du, dv} of vertex v's projection in one view, by every entry of x. */
        double[][] projected(int view, ViewCamera.Projector projector, int v) {
            return projected[view].computeIfAbsent(v, key -> {
                double[] p = posedPoint(v);
                double[] uv = new double[8];
                projector.projectWithGradient(p[0], p[1], p[2], uv);
                return chain(view, projector, p, uv, posedByShape(v), posedByAngle(v));
            });
        }

        /** {du, dv} of joint j's projection (the centroid of its cube) by every entry of x. */
        double[][] jointProjected(int view, ViewCamera.Projector projector, int j, double[] p, double[] uv) {
            double[][] mean = new double[SHAPE][3];
            double[][] byAngle = new double[LimbPose.ANGLES][3];
            for (int v : jointMembers[j]) {
                double[][] f = posedByShape(v);
                double[][] g = posedByAngle(v);
                for (int i = 0; i < SHAPE; i++) {
                    for (int k = 0; k < 3; k++) {
                        mean[i][k] += f[i][k] / jointMembers[j].length;
                    }
                }
                for (int a = 0; a < LimbPose.ANGLES; a++) {
                    for (int k = 0; k < 3; k++) {
                        byAngle[a][k] += g[a][k] / jointMembers[j].length;
                    }
                }
            }
            return chain(view, projector, p, uv, mean, byAngle);
        }

        /** Through the projection: by the shape (via the point) and by the view's camera. */
        private double[][] chain(int view, ViewCamera.Projector projector, double[] p, double[] uv,
                                 double[][] pointByShape, double[][] pointByAngle) {
            double[][] g = new double[2][SIZE];
            for (int j = 0; j < SHAPE; j++) {
                double[] dp = pointByShape[j];
                g[0][j] = uv[2] * dp[0] + uv[3] * dp[1] + uv[4] * dp[2];
                g[1][j] = uv[5] * dp[0] + uv[6] * dp[1] + uv[7] * dp[2];
            }
            for (int a = 0; a < LimbPose.ANGLES; a++) {
                double[] dp = pointByAngle[a];
                g[0][POSE + a] = uv[2] * dp[0] + uv[3] * dp[1] + uv[4] * dp[2];
                g[1][POSE + a] = uv[5] * dp[0] + uv[6] * dp[1] + uv[7] * dp[2];
            }
            double[] moved = new double[2];
            for (int c = 0; c < CAM; c++) {
                double h = c == ViewCamera.DISTANCE || c == ViewCamera.HEIGHT || c == ViewCamera.OFFSET ? 1e-4 : 1e-7;
                projector.moved(c, h).project(p[0], p[1], p[2], moved);
                g[0][SHAPE + CAM * view + c] = (moved[0] - uv[0]) / h;
                g[1][SHAPE + CAM * view + c] = (moved[1] - uv[1]) / h;
            }
            return g;
        }
    }

    /** The observed rows of one photo and the outline's edges on each, fixed for the whole fit. */
    record ObservedRows(ViewObservation view, double[] rows, double[][] edges, double[][] steepness,
                                double inset, double top, double bottom, double centre) {
        static ObservedRows of(ViewObservation view) {
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
            // the outline runs through the boundary cells' centres, inside the true edge
            double inset = view.outlineInsetPx();
            top -= inset;
            bottom += inset;
            double[] rows = new double[ROWS];
            double[][] edges = new double[ROWS][];
            double[][] steepness = new double[ROWS][];
            for (int k = 0; k < ROWS; k++) {
                // from the soles up: rows[] ascends in v, so it runs from the neck down
                double fraction = HIGH - (HIGH - LOW) * k / (ROWS - 1);
                rows[k] = bottom - fraction * (bottom - top);
                double[][] crossings = Outline.crossingsWithSteepness(o, rows[k]);
                edges[k] = crossings[0];
                steepness[k] = crossings[1];
            }
            return new ObservedRows(view, rows, edges, steepness, inset, top, bottom, (left + right) / 2);
        }
    }
}
