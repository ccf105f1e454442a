package dev.mensura.fitting.model;

import dev.mensura.fitting.body.Rig;
import java.util.Map;

/**
 * Per vertex, the four bones that move it most and their weights summing to 1: glTF's JOINTS_0 and
 * WEIGHTS_0 hold four influences, and real-time engines skin with no more. The hm08 weights rarely
 * use more than four; dropping the smallest and renormalising changes little.
 *
 * @param joints  four joint indices (into the skeleton's bone order) per vertex; unused slots are 0
 * @param weights four weights per vertex, largest first; unused slots are 0
 */
record SkinWeights(int[] joints, float[] weights) {
    static final int INFLUENCES = 4;

    static SkinWeights of(Rig rig, Skeleton skeleton, Surface surface, int bodyVertexCount) {
        int n = surface.vertexCount();
        int[] joints = new int[INFLUENCES * n];
        double[] best = new double[INFLUENCES * n];
        int[] compact = surface.compactIndex(bodyVertexCount);
        for (int bone = 0; bone < skeleton.size(); bone++) {
            Map<Integer, Float> perVertex = rig.weights().get(skeleton.bones().get(bone).name());
            if (perVertex == null) {
                continue;
            }
            for (Map.Entry<Integer, Float> e : perVertex.entrySet()) {
                int v = e.getKey();
                if (v >= 0 && v < compact.length && compact[v] >= 0 && e.getValue() > 0) {
                    insert(joints, best, INFLUENCES * compact[v], bone, e.getValue());
                }
            }
        }
        float[] weights = new float[INFLUENCES * n];
        for (int v = 0; v < n; v++) {
            normalise(joints, best, weights, INFLUENCES * v, skeleton.root());
        }
        return new SkinWeights(joints, weights);
    }

    /** Keeps the slots at {@code o} sorted, largest first; a weight smaller than all four is dropped. */
    private static void insert(int[] joints, double[] best, int o, int bone, double w) {
        int slot = INFLUENCES;
        while (slot > 0 && w > best[o + slot - 1]) {
            slot--;
        }
        if (slot == INFLUENCES) {
            return;
        }
        for (int s = INFLUENCES - 1; s > slot; s--) {
            best[o + s] = best[o + s - 1];
            joints[o + s] = joints[o + s - 1];
        }
        best[o + slot] = w;
        joints[o + slot] = bone;
    }

    private static void normalise(int[] joints, double[] best, float[] weights, int o, int root) {
        double sum = 0;
        for (int s = 0; s < INFLUENCES; s++) {
            sum += best[o + s];
        }
        if (sum <= 0) {
            joints[o] = root; // no bone moves it: it follows the whole body
            weights[o] = 1;
            return;
        }
        for (int s = 0; s < INFLUENCES; s++) {
            weights[o + s] = (float) (best[o + s] / sum);
        }
    }
}
