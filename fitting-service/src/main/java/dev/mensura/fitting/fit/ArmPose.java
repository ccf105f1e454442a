package dev.mensura.fitting.fit;

import dev.mensura.fitting.body.BaseMesh;
import dev.mensura.fitting.body.Rig;
import java.util.ArrayList;
import java.util.List;

/**
 * How a person's A-pose differs from the model's rest pose: each arm turned away from the side
 * (positive) or towards it about its shoulder joint in the frontal plane, skinned with the rig's
 * weights (the arm chain from {@code upperarm_*} down; the shoulder's skin blends with the
 * clavicle): p' = p + w (R(θ) − I)(p − s), R the rotation about the depth axis through the
 * shoulder joint s. Measurements are taken in the rest pose; the pose only lets the silhouettes
 * agree.
 */
final class ArmPose {
    static final int ANGLES = 2;
    private static final String[] ROOTS = {"upperarm_l", "upperarm_r"};
    private static final String[] SHOULDERS = {"joint-l-shoulder", "joint-r-shoulder"};
    /** Turning the left arm (+x) outward is counter-clockwise seen from the front, the right one clockwise. */
    private static final double[] SIGN = {1, -1};

    private final int[][] vertices = new int[ANGLES][];
    private final double[][] weights = new double[ANGLES][];
    private final int[][] shoulders = new int[ANGLES][];
    /** per vertex: which arm moves it (0 left, 1 right) or -1, and by how much. */
    private final int[] armOf;
    private final double[] weightOf;

    ArmPose(Rig rig, BaseMesh base) {
        int n = base.vertexCount();
        armOf = new int[n];
        weightOf = new double[n];
        java.util.Arrays.fill(armOf, -1);
        for (int a = 0; a < ANGLES; a++) {
            double[] w = rig.chainWeights(ROOTS[a], n);
            List<Integer> moved = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                if (w[v] > 0) {
                    moved.add(v);
                    armOf[v] = a;
                    weightOf[v] = w[v];
                }
            }
            vertices[a] = moved.stream().mapToInt(Integer::intValue).toArray();
            weights[a] = new double[vertices[a].length];
            for (int i = 0; i < vertices[a].length; i++) {
                weights[a][i] = w[vertices[a][i]];
            }
            shoulders[a] = base.groups().get(SHOULDERS[a]);
        }
    }

    /** The shoulder joints (pivots) of a body in cm: {arm}{x, y, z}. */
    double[][] pivots(double[] cm) {
        double[][] p = new double[ANGLES][3];
        for (int a = 0; a < ANGLES; a++) {
            for (int v : shoulders[a]) {
                for (int k = 0; k < 3; k++) {
                    p[a][k] += cm[3 * v + k] / shoulders[a].length;
                }
            }
        }
        return p;
    }

    /** The body with its arms turned by {@code angles} (radians, outward positive); a copy. */
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

    int shoulderCount(int arm) {
        return shoulders[arm].length;
    }

    int[] shoulderMembers(int arm) {
        return shoulders[arm];
    }

    /** Which arm turns vertex v (-1: none). */
    int armOf(int v) {
        return armOf[v];
    }

    double weightOf(int v) {
        return weightOf[v];
    }

    static double sign(int arm) {
        return SIGN[arm];
    }
}
