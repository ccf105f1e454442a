package dev.mensura.fitting.fit;

import dev.mensura.fitting.body.BaseMesh;
import java.util.Arrays;

/**
 * What every fit shares, worked out once when the fitter is built: the blend, the mesh, the limbs'
 * skinning, the visible body's vertices and the joint cubes the fit reads. Immutable, so the
 * parallel starts of a fit (and concurrent fits) share one.
 */
record FitModel(ShapeBasis basis, BaseMesh base, LimbPose limbs, int[] bodyVertices, int[][] jointMembers,
                int[] hipMembersLeft, int[] hipMembersRight) {

    static FitModel of(ShapeBasis basis, BaseMesh base, LimbPose limbs) {
        int[][] joints = new int[FitProblem.JOINTS.size()][];
        for (int j = 0; j < joints.length; j++) {
            joints[j] = base.groups().get(FitProblem.JOINTS.get(j));
        }
        return new FitModel(basis, base, limbs, Arrays.stream(base.bodyTriangles()).distinct().sorted().toArray(),
                joints, base.groups().get("joint-l-upper-leg"), base.groups().get("joint-r-upper-leg"));
    }
}
