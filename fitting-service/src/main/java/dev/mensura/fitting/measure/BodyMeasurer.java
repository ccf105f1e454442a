package dev.mensura.fitting.measure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The ISO 8559-1 measurements on a body mesh standing in its rest pose (hm08, y up, the person's
 * left at +x, facing +z), levels found from the skeleton's joints and the surface:
 * <ul>
 * <li>girths as a tape measures them ({@link Girth}): chest/bust, under-bust (women), waist and
 * hip level with the floor; neck, thigh, knee, calf, upper arm and wrist square to their limb,
 * each on one segment only (left side);</li>
 * <li>lengths along the surface ({@link SurfacePath}) where the tape lies on the skin (shoulder
 * width over the back through the cervicale, back length down the spine), along the limb for arm length, and vertical
 * heights for stature and crotch height.</li>
 * </ul>
 * Level choices: chest = widest torso girth between 15 % and 45 % of the torso length below the
 * shoulder joints; waist = narrowest between 20 % and 65 % above the hip joints; hip = widest
 * between the crotch and 25 % above the hip joints; under-bust = narrowest between 6 % and 20 %
 * below the bust level.
 */
public final class BodyMeasurer {
    private static final double STEP_CM = 0.5;
    private static final double LEVEL_SPREAD_CM = 0.5;

    private final Segment[] segments;
    private final Map<String, int[]> groups;

    /**
     * @param segments each vertex's segment (from the rig's weights), null for hidden helpers
     * @param groups the base mesh's vertex groups (the joint cubes)
     */
    public BodyMeasurer(Segment[] segments, Map<String, int[]> groups) {
        this.segments = segments.clone();
        this.groups = groups;
    }

    public Map<String, Measurement> measure(Mesh body, boolean female) {
        Landmarks at = new Landmarks(body);
        Map<String, Measurement> m = new LinkedHashMap<>();
        put(m, "stature", at.top - at.sole);
        IntPredicate torso = in(EnumSet.of(Segment.TORSO));
        IntPredicate hips = in(EnumSet.of(Segment.TORSO, Segment.LEFT_LEG, Segment.RIGHT_LEG));
        double torsoLength = at.shoulderY - at.hipY;

        double[] chest = extreme(body, torso, at.shoulderY - 0.45 * torsoLength, at.shoulderY - 0.15 * torsoLength, true);
        put(m, female ? "bust girth" : "chest girth", chest[1]);
        if (female) {
            put(m, "under-bust girth", extreme(body, torso, chest[0] - 0.20 * torsoLength,
                    chest[0] - 0.06 * torsoLength, false)[1]);
        }
        double[] waist = extreme(body, torso, at.hipY + 0.20 * torsoLength, at.hipY + 0.65 * torsoLength, false);
        put(m, "waist girth", waist[1]);
        put(m, "hip girth", extreme(body, hips, at.crotch[1], at.hipY + 0.25 * torsoLength, true)[1]);

        double[] neck = at.joint("joint-neck");
        double[] head = at.joint("joint-head");
        put(m, "neck girth", Girth.of(body, Plane.normalTo(lerp(neck, head, 0.2), minus(head, neck)),
                in(EnumSet.of(Segment.HEAD_NECK))));

        IntPredicate leftLeg = in(EnumSet.of(Segment.LEFT_LEG));
        put(m, "thigh girth", extreme(body, leftLeg, at.crotch[1] - 6, at.crotch[1] - 1, true)[1]);
        double[] hipJoint = at.joint("joint-l-upper-leg");
        double[] knee = at.joint("joint-l-knee");
        double[] ankle = at.joint("joint-l-ankle");
        put(m, "knee girth", Girth.of(body, Plane.normalTo(knee, minus(knee, hipJoint)), leftLeg));
        double calf = 0;
        for (double t = 0.15; t <= 0.6; t += 0.025) {
            calf = Math.max(calf, Girth.of(body, Plane.normalTo(lerp(knee, ankle, t), minus(ankle, knee)), leftLeg));
        }
        put(m, "calf girth", calf);

        IntPredicate leftArm = in(EnumSet.of(Segment.LEFT_ARM));
        double[] shoulder = at.joint("joint-l-shoulder");
        double[] elbow = at.joint("joint-l-elbow");
        double[] wrist = at.joint("joint-l-hand");
        put(m, "upper-arm girth", Girth.of(body, Plane.normalTo(lerp(shoulder, elbow, 0.5), minus(elbow, shoulder)),
                leftArm));
        put(m, "wrist girth", Girth.of(body, Plane.normalTo(lerp(wrist, elbow, 0.05), minus(wrist, elbow)), leftArm));

        double[] acromionL = at.acromion(+1);
        double[] acromionR = at.acromion(-1);
        double[] cervicale = at.backPoint(neck[1]);
        double[] across = minus(acromionL, acromionR);
        // over the back through the cervicale (a plane held by three bony points), between the
        // acromions and behind them
        double[] behind = {acromionR[0], acromionL[0], -Double.MAX_VALUE, Math.min(acromionL[2], acromionR[2])};
        if (cervicale != null) {
            Plane shoulders = Plane.normalTo(acromionR, Plane.cross(across, minus(cervicale, acromionR)));
            put(m, "shoulder width", SurfacePath.lengthWithin(body, shoulders, v -> segments[v] != null, behind));
        }
        put(m, "arm length", SurfacePath.dist(acromionL, elbow) + SurfacePath.dist(elbow, wrist));
        double[] waistBack = at.backPoint(waist[0]);
        if (cervicale != null && waistBack != null) {
            put(m, "back length", SurfacePath.length(body, Plane.normalTo(new double[] {0, 0, 0},
                    new double[] {1, 0, 0}), in(EnumSet.of(Segment.TORSO, Segment.HEAD_NECK)), cervicale, waistBack,
                    p -> p[2] <= neck[2]));
        }
        double crotchHeight = at.crotch[1] - at.sole;
        put(m, "crotch height", crotchHeight);
        put(m, "inside leg length", Math.hypot(crotchHeight, ankle[0] - at.crotch[0]));
        return m;
    }

    /** A measurement the body does not allow (its landmarks not found: NaN) is left out, not reported as a number. */
    private static void put(Map<String, Measurement> m, String name, double cm) {
        if (Double.isFinite(cm) && cm > 0) {
            m.put(name, new Measurement(name, cm, 0));
        }
    }

    private IntPredicate in(Set<Segment> allowed) {
        return v -> segments[v] != null && allowed.contains(segments[v]);
    }

    /**
     * {level, girth} of the widest (or narrowest) level girth between two heights. The girth is the
     * extreme one; the level is the mean of the levels whose girth is within {@value #LEVEL_SPREAD_CM}
     * cm of it, weighted by how close: around a flat extreme (a waist, say) the exact argmin jumps with
     * the slightest change of shape, and a level other measurements hang on should not.
     */
    private static double[] extreme(Mesh body, IntPredicate region, double fromY, double toY, boolean widest) {
        List<double[]> levels = new ArrayList<>();
        double[] best = {Double.NaN, widest ? 0 : Double.MAX_VALUE};
        for (double y = Math.min(fromY, toY); y <= Math.max(fromY, toY); y += STEP_CM) {
            double g = Girth.of(body, Plane.horizontal(y), region);
            if (g > 0) {
                levels.add(new double[] {y, g});
                if (widest ? g > best[1] : g < best[1]) {
                    best = new double[] {y, g};
                }
            }
        }
        double sum = 0;
        double weights = 0;
        for (double[] level : levels) {
            double off = Math.abs(level[1] - best[1]);
            if (off < LEVEL_SPREAD_CM) {
                double w = 1 - off / LEVEL_SPREAD_CM;
                sum += w * level[0];
                weights += w;
            }
        }
        return new double[] {weights > 0 ? sum / weights : best[0], best[1]};
    }

    private static double[] lerp(double[] a, double[] b, double t) {
        return new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])};
    }

    private static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    /** Points the measurements hang on, found on this body. */
    private final class Landmarks {
        final Mesh body;
        final double sole;
        final double top;
        final double shoulderY;
        final double hipY;
        final double[] crotch;

        Landmarks(Mesh body) {
            this.body = body;
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int v : body.triangles()) {
                min = Math.min(min, body.y(v));
                max = Math.max(max, body.y(v));
            }
            sole = min;
            top = max;
            shoulderY = (joint("joint-l-shoulder")[1] + joint("joint-r-shoulder")[1]) / 2;
            hipY = (joint("joint-l-upper-leg")[1] + joint("joint-r-upper-leg")[1]) / 2;
            crotch = crotch();
        }

        double[] joint(String name) {
            int[] members = groups.get(name);
            double[] c = new double[3];
            for (int v : members) {
                c[0] += body.x(v);
                c[1] += body.y(v);
                c[2] += body.z(v);
            }
            return new double[] {c[0] / members.length, c[1] / members.length, c[2] / members.length};
        }

        /** The lowest point of the torso on the midline between the legs. */
        private double[] crotch() {
            double knee = joint("joint-l-knee")[1];
            double[] best = null;
            for (int v : body.triangles()) {
                if (segments[v] == Segment.TORSO && Math.abs(body.x(v)) < 1 && body.y(v) > knee
                        && (best == null || body.y(v) < best[1])) {
                    best = new double[] {body.x(v), body.y(v), body.z(v)};
                }
            }
            return best;
        }

        /**
         * The top of the shoulder straight above the shoulder joint (side +1 left, -1 right):
         * where a vertical line through the joint leaves the surface, so that it moves smoothly
         * with the body instead of jumping from vertex to vertex.
         */
        double[] acromion(int side) {
            double[] joint = joint(side > 0 ? "joint-l-shoulder" : "joint-r-shoulder");
            int[] t = body.triangles();
            double best = -Double.MAX_VALUE;
            for (int i = 0; i < t.length; i += 3) {
                int a = t[i];
                int b = t[i + 1];
                int c = t[i + 2];
                if (segments[a] == null) {
                    continue;
                }
                // barycentric coordinates of the joint's (x, z) in the triangle's (x, z) projection
                double x1 = body.x(b) - body.x(a);
                double z1 = body.z(b) - body.z(a);
                double x2 = body.x(c) - body.x(a);
                double z2 = body.z(c) - body.z(a);
                double px = joint[0] - body.x(a);
                double pz = joint[2] - body.z(a);
                double det = x1 * z2 - x2 * z1;
                if (Math.abs(det) < 1e-12) {
                    continue;
                }
                double u = (px * z2 - x2 * pz) / det;
                double w = (x1 * pz - px * z1) / det;
                if (u < 0 || w < 0 || u + w > 1) {
                    continue;
                }
                double y = body.y(a) + u * (body.y(b) - body.y(a)) + w * (body.y(c) - body.y(a));
                best = Math.max(best, y);
            }
            return new double[] {joint[0], best, joint[2]};
        }

        /** The rearmost surface point on the midline at height y; null when the body has none there. */
        double[] backPoint(double y) {
            double[] best = null;
            for (int v : body.triangles()) {
                if (Math.abs(body.x(v)) < 1 && Math.abs(body.y(v) - y) < 1 && (best == null || body.z(v) < best[2])) {
                    best = new double[] {body.x(v), body.y(v), body.z(v)};
                }
            }
            return best;
        }
    }
}
