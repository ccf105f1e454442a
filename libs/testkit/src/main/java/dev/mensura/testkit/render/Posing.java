package dev.mensura.testkit.render;

import java.util.Map;

/** Turns the rest-pose mesh into a {@link Pose} by linear-blend skinning of the arms. */
final class Posing {

    /**
     * ARMS_DOWN leaves the shoulder-to-wrist line this far from vertical, outward: a relaxed arm
     * hangs slightly away from the hip rather than through it.
     */
    static final double ARMS_DOWN_ABDUCTION_DEG = 6.0;

    private Posing() {
    }

    static double[] apply(BodyMesh mesh, Pose pose) {
        double[] rest = mesh.positionsShared();
        if (pose == Pose.A_POSE) {
            return rest.clone();
        }
        Map<String, double[]> joints = mesh.jointsOf(rest);
        LimbRig rig = LimbRig.of(mesh);
        double[] out = rest.clone();
        turnArm(out, rig.left, joints.get("joint-l-shoulder"), joints.get("joint-l-hand"));
        turnArm(out, rig.right, joints.get("joint-r-shoulder"), joints.get("joint-r-hand"));
        return out;
    }

    /**
     * A rest-pose body with its arms and legs turned away from the body's middle by the given
     * angles (negative: towards it), each about its shoulder or hip joint in the frontal plane,
     * skinned as {@link #turnArm}: {left arm, right arm, left leg, right leg}, degrees.
     */
    static double[] abduct(BodyMesh mesh, double[] rest, double[] degrees) {
        double[] out = rest.clone();
        if (java.util.Arrays.stream(degrees).allMatch(d -> d == 0)) {
            return out;
        }
        Map<String, double[]> joints = mesh.jointsOf(rest);
        LimbRig rig = LimbRig.of(mesh);
        rotate(out, rig.left, joints.get("joint-l-shoulder"), Math.toRadians(degrees[0]));
        rotate(out, rig.right, joints.get("joint-r-shoulder"), -Math.toRadians(degrees[1]));
        rotate(out, rig.leftLeg, joints.get("joint-l-upper-leg"), Math.toRadians(degrees[2]));
        rotate(out, rig.rightLeg, joints.get("joint-r-upper-leg"), -Math.toRadians(degrees[3]));
        return out;
    }

    /**
     * Rotates the arm about the depth axis (z) through the shoulder so that the shoulder→wrist line,
     * seen from the front, hangs {@link #ARMS_DOWN_ABDUCTION_DEG} off vertical; each vertex moves by
     * its arm weight w: v' = w·(R(v−p)+p) + (1−w)·v. Joint cubes carry weights too, so the elbow and
     * wrist joints follow (the shoulder cube is weighted to the clavicle and stays the pivot).
     */
    private static void turnArm(double[] pos, double[] weight, double[] shoulder, double[] wrist) {
        double dx = wrist[0] - shoulder[0];
        double dy = wrist[1] - shoulder[1];
        double side = Math.signum(dx); // +1 left arm (+x), -1 right arm
        double current = Math.atan2(dy, dx);
        double target = Math.atan2(-Math.cos(Math.toRadians(ARMS_DOWN_ABDUCTION_DEG)),
                side * Math.sin(Math.toRadians(ARMS_DOWN_ABDUCTION_DEG)));
        rotate(pos, weight, shoulder, target - current);
    }

    /** v' = w·(R(v−p)+p) + (1−w)·v, R the rotation by {@code angle} about z through p. */
    private static void rotate(double[] pos, double[] weight, double[] shoulder, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        for (int v = 0; v < weight.length; v++) {
            double w = weight[v];
            if (w <= 0) {
                continue;
            }
            double x = pos[3 * v] - shoulder[0];
            double y = pos[3 * v + 1] - shoulder[1];
            double rx = c * x - s * y + shoulder[0];
            double ry = s * x + c * y + shoulder[1];
            pos[3 * v] = w * rx + (1 - w) * pos[3 * v];
            pos[3 * v + 1] = w * ry + (1 - w) * pos[3 * v + 1];
        }
    }
}
