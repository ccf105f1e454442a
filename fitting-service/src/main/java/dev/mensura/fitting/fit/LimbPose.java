package dev.mensura.fitting.fit;

import dev.mensura.fitting.body.BaseMesh;
import dev.mensura.fitting.body.Rig;
import java.util.ArrayList;
import java.util.List;

/**
 * How a person's A-pose differs from the model's rest pose: each arm and each leg turned away from
 * the body's middle (positive) or towards it about its shoulder or hip joint in the frontal plane,
 * skinned with the rig's weights (the chain from {@code upperarm_*} or {@code thigh_*} down; the
 * shoulder's skin blends with the clavicle, the groin's with the pelvis):
 * p' = p + w (R(θ) − I)(p − s), R the rotation about the depth axis through the joint s. Angles:
 * {left arm, right arm, left leg, right leg}. Measurements are taken in the rest pose; the pose only
 * lets the silhouettes agree.
 */
final class LimbPose {
    static final int ANGLES = 4;
    private static final String[] ROOTS = {"upperarm_l", "upperarm_r", "thigh_l", "thigh_r"};
    private static final String[] PIVOTS = {"joint-l-shoulder", "joint-r-shoulder", "joint-l-upper-leg",
        "joint-r-upper-leg"};
    /** Turning a left limb (+x) outward is counter-clockwise seen from the front, a right one clockwise. */
    private static final double[] SIGN = {1, -1, 1, -1};

    private final int[][] vertices = new int[ANGLES][];
    private final double[][] weights = new double[ANGLES][];
    private final int[][] pivotsOf = new int[ANGLES][];
    /** per limb and vertex: how much the limb moves it (a groin vertex may follow both thighs a little). */
    private final double[][] weightOf = new double[ANGLES][];
    private final boolean[] moved;

    LimbPose(Rig rig, BaseMesh base) {
        int n = base.vertexCount();
        moved = new boolean[n];
        for (int a = 0; a < ANGLES; a++) {
            double[] w = rig.chainWeights(ROOTS[a], n);
            weightOf[a] = w;
            List<Integer> turned = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                if (w[v] > 0) {
                    turned.add(v);
                    moved[v] = true;
                }
            }
            vertices[a] = turned.stream().mapToInt(Integer::intValue).toArray();
            weights[a] = new double[vertices[a].length];
            for (int i = 0; i < vertices[a].length; i++) {
                weights[a][i] = w[vertices[a][i]];
            }
            pivotsOf[a] = base.groups().get(PIVOTS[a]);
        }
    }

    /** The shoulder and hip joints (pivots) of a body in cm: {limb}{x, y, z}. */
    double[][] pivots(double[] cm) {
        double[][] p = new double[ANGLES][3];
        for (int a = 0; a < ANGLES; a++) {
            for (int v : pivotsOf[a]) {
                for (int k = 0; k < 3; k++) {
                    p[a][k] += cm[3 * v + k] / pivotsOf[a].length;
                }
            }
        }
        return p;
    }

    /** The body with its limbs turned by {@code angles} (radians, outward positive); a copy. */
    double[] posed(double[] cm, double[] angles, double[][] pivots) {
        double[] out = cm.clone();
        for (int a = 0; a < ANGLES; a++) {
            double angle = SIGN[a] * angles[a];
            if (angle == 0) {
                continue;
            }
            double c = Math.cos(angle) - 1;
            double s = Math.sin(angle);
            for (int i = 0; i < vertices[a].length; i++) {
                int v = vertices[a][i];
                double w = weights[a][i];
                double x = cm[3 * v] - pivots[a][0];
                double y = cm[3 * v + 1] - pivots[a][1];
                out[3 * v] += w * (c * x - s * y);
                out[3 * v + 1] += w * (s * x + c * y);
            }
        }
        return out;
    }

    int pivotCount(int limb) {
        return pivotsOf[limb].length;
    }

    int[] pivotMembers(int limb) {
        return pivotsOf[limb];
    }

    /** Whether any limb turns vertex v. */
    boolean moves(int v) {
        return moved[v];
    }

    /** How much limb {@code limb} turns vertex v (0–1). */
    double weight(int limb, int v) {
        return weightOf[limb][v];
    }

    static double sign(int limb) {
        return SIGN[limb];
    }
}
