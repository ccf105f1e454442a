package dev.mensura.fitting.fit;

import ai.djl.Device;
import dev.mensura.fitting.body.BaseMesh;
import dev.mensura.fitting.body.Rig;
import dev.mensura.fitting.measure.BodyMeasurer;
import dev.mensura.fitting.measure.Measurement;
import dev.mensura.fitting.measure.Mesh;
import dev.mensura.fitting.measure.Segment;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.stream.Stream;

/**
 * Fits the hm08 body to a front and a side photo and the stated height. Unknowns: the shape
 * ({@link ShapeSpace}), how the person holds each arm and leg against the rest pose ({@link LimbPose}) and
 * each photo's camera ({@link ViewCamera}: distance, height, pitch, sideways offset, roll, yaw; the
 * focal length is known). The body is scaled to the stated
 * height, which fixes the scale. Objective ({@link FitProblem}), solved by Levenberg–Marquardt with
 * exact Jacobians, the cameras first from the joints alone, then everything; from a woman's and
 * a man's average body (in parallel), keeping the better:
 * <ul>
 * <li>silhouette agreement: on {@value FitProblem#ROWS} image rows between the ankles and the neck
 * of each photo, every edge of the outline against the matching edge of the body's exact
 * projected silhouette on that row ({@link RowSilhouette}), in cm at the body's distance, with a
 * soft cap so that a hand held differently is an outlier rather than evidence;</li>
 * <li>landmark reprojection of the joints both BlazePose and the skeleton have (shoulders, hips,
 * knees, ankles);</li>
 * <li>a weak prior towards the average shape and a level, square-on camera.</li>
 * </ul>
 */
public final class BodyFitter {
    static final List<String> JOINTS = FitProblem.JOINTS;
    /** The starts' sexes: the sexes' shapes differ more than one descent bridges. */
    private static final double[] GENDERS = {0.05, 0.95};
    /** The starts' camera pitches (rad, down): level, a phone tilted at a standing person, steeper. */
    private static final double[] PITCHES = {0, 0.15, 0.3};

    private final ShapeBasis basis;
    private final BodyMeasurer measurer;
    private final BaseMesh base;
    private final FitModel model;

    /** The body blended in plain Java. */
    public BodyFitter(ShapeSpace shapes, Rig rig) {
        this(shapes, rig, null);
    }

    /** The body blended on DJL tensors on {@code blendDevice} (null: plain Java). */
    public BodyFitter(ShapeSpace shapes, Rig rig, Device blendDevice) {
        this.base = shapes.model().base();
        this.basis = new ShapeBasis(shapes, blendDevice);
        String[] bones = rig.dominantBones(base.vertexCount());
        Segment[] segments = new Segment[bones.length];
        for (int v = 0; v < bones.length; v++) {
            segments[v] = Segment.ofBone(bones[v]);
        }
        this.measurer = new BodyMeasurer(segments, base.groups());
        this.model = FitModel.of(basis, base, new LimbPose(rig, base));
    }

    /**
     * The outcome: shape, cameras, how far each limb (left arm, right arm, left leg, right leg) was
     * turned out from the rest pose (radians), the fitted body in the rest pose (cm, soles at 0) and
     * how well it agrees.
     */
    public record Fit(double[] shape, double[] frontCamera, double[] sideCamera, double[] limbAbduction, double[] bodyCm,
                      double silhouetteRmsCm, double landmarkRmsCm, int evaluations,
                      Map<String, Measurement> measurements) {
        public boolean female() {
            return shape[0] < 0.5;
        }
    }

    public Fit fit(ViewObservation front, ViewObservation side, double statureCm) {
        FitProblem.Photos photos = FitProblem.Photos.of(front, side);
        // every start's cheap stages, then the full fit from the better sex of each pitch: the cheap
        // stages' cost says which sex suits a camera hypothesis, not which hypothesis is right (a
        // wrong pitch can look cheaper before the modifiers are free); starts run in parallel
        List<double[]> starts = new ArrayList<>();
        for (double pitch : PITCHES) {
            for (double gender : GENDERS) {
                starts.add(new double[] {gender, pitch});
            }
        }
        List<FitProblem.Solution> coarse = starts.parallelStream()
                .map(s -> new FitProblem(model, photos, statureCm).coarse(s[0], s[1])).toList();
        List<FitProblem.Solution> perPitch = new ArrayList<>();
        for (int p = 0; p < PITCHES.length; p++) {
            perPitch.add(coarse.subList(p * GENDERS.length, (p + 1) * GENDERS.length).stream()
                    .min(Comparator.comparingDouble(FitProblem.Solution::cost)).orElseThrow());
        }
        List<FitProblem.Solution> refined = perPitch.parallelStream()
                .map(c -> new FitProblem(model, photos, statureCm).refine(c.x())).toList();
        FitProblem.Solution best = refined.stream().min(Comparator.comparingDouble(FitProblem.Solution::cost))
                .orElseThrow();
        int evaluations = Stream.concat(coarse.stream(), refined.stream()).mapToInt(FitProblem.Solution::evaluations)
                .sum();
        double[] x = best.x();
        int n = ShapeSpace.size();
        double[] shape = Arrays.copyOf(x, n);
        FitProblem problem = new FitProblem(model, photos, statureCm);
        double[] rms = problem.rms(x);
        double[] cm = problem.bodyCm(shape);
        Map<String, Measurement> measured = measurer.measure(new Mesh(cm, base.bodyTriangles()), shape[0] < 0.5);
        return new Fit(shape, Arrays.copyOfRange(x, n, n + ViewCamera.PARAMETERS),
                Arrays.copyOfRange(x, n + ViewCamera.PARAMETERS, n + 2 * ViewCamera.PARAMETERS),
                Arrays.copyOfRange(x, FitProblem.POSE, FitProblem.SIZE), cm, rms[0], rms[1],
                evaluations, Uncertainty.of(measured, rms[0]));
    }

    /** Where the body is blended: a DJL device, or null for plain Java. */
    public Device blendDevice() {
        return basis.device();
    }

    /** The measurements of a body given as rest-pose positions, scaled to a stature, as a fit's are taken. */
    public Map<String, Measurement> measure(float[] dm, double statureCm, boolean female) {
        double[] positions = new double[dm.length];
        for (int i = 0; i < dm.length; i++) {
            positions[i] = dm[i];
        }
        double[] cm = FitProblem.frame(model, positions, statureCm);
        return measurer.measure(new Mesh(cm, base.bodyTriangles()), female);
    }

    double[] residualsAt(ViewObservation front, ViewObservation side, double statureCm, double[] x) {
        return new FitProblem(model, FitProblem.Photos.of(front, side), statureCm).residuals(x);
    }

    /** Residual RMS {silhouette, landmarks} (cm) at a given point: shape then the two cameras. */
    double[] rmsAt(ViewObservation front, ViewObservation side, double statureCm, double[] x) {
        return new FitProblem(model, FitProblem.Photos.of(front, side), statureCm).rms(x);
    }

    /**
     * The time of one evaluation of the objective at a fit's optimum (blend, frame, silhouettes
     * and joints of both photos, no derivatives): the unit a fit's time is measured against.
     * Median of 20.
     */
    public double evaluationMillis(ViewObservation front, ViewObservation side, double statureCm, Fit fit) {
        FitProblem problem = new FitProblem(model, FitProblem.Photos.of(front, side), statureCm);
        int n = ShapeSpace.size();
        double[] x = new double[FitProblem.SIZE];
        System.arraycopy(fit.shape(), 0, x, 0, n);
        System.arraycopy(fit.frontCamera(), 0, x, n, ViewCamera.PARAMETERS);
        System.arraycopy(fit.sideCamera(), 0, x, n + ViewCamera.PARAMETERS, ViewCamera.PARAMETERS);
        System.arraycopy(fit.limbAbduction(), 0, x, FitProblem.POSE, LimbPose.ANGLES);
        double[] times = new double[20];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            problem.residuals(x);
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
