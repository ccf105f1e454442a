package dev.mensura.fitting.model;

import dev.mensura.fitting.body.BaseMesh;
import dev.mensura.fitting.body.Rig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rig's bones placed in a body: each bone's head is the centre of its {@code joint-*} cube in
 * that body, so the skeleton follows the fitted shape. The bones keep the rig's parent-before-child
 * order, which is the order of the skin's joints.
 *
 * @param bones  the rig's bones
 * @param parent each bone's parent index, -1 for a root
 * @param heads  each bone's head in metres, in the body's (the scene's) frame: x, y, z per bone
 */
record Skeleton(List<Rig.Bone> bones, int[] parent, double[] heads) {
    /**
     * The game-engine rig places its Root not by a cube but by the mean of two vertices of the ground
     * cube, which {@link Rig} does not carry; the ground cube's centre is within millimetres of it.
     */
    static final String GROUND_CUBE = "joint-ground";

    static Skeleton of(Rig rig, BaseMesh base, double[] bodyCm) {
        List<Rig.Bone> bones = rig.bones();
        Map<String, Integer> index = new HashMap<>();
        int[] parent = new int[bones.size()];
        double[] heads = new double[3 * bones.size()];
        for (int i = 0; i < bones.size(); i++) {
            Rig.Bone bone = bones.get(i);
            index.put(bone.name(), i);
            Integer p = bone.parent() == null ? null : index.get(bone.parent());
            if (bone.parent() != null && p == null) {
                throw new IllegalArgumentException("bone " + bone.name() + " comes before its parent " + bone.parent());
            }
            parent[i] = p == null ? -1 : p;
            double[] head = head(bone, base, bodyCm);
            for (int k = 0; k < 3; k++) {
                heads[3 * i + k] = head[k] * Surface.M_PER_CM;
            }
        }
        return new Skeleton(bones, parent, heads);
    }

    int size() {
        return bones.size();
    }

    /** The first root bone: the skin's skeleton and the joint of vertices no bone weights. */
    int root() {
        for (int i = 0; i < parent.length; i++) {
            if (parent[i] < 0) {
                return i;
            }
        }
        throw new IllegalStateException("the rig has no root bone");
    }

    /** The bone's head relative to its parent's head: the glTF node's translation (no rotations). */
    double[] localTranslation(int bone) {
        double[] t = new double[3];
        for (int k = 0; k < 3; k++) {
            t[k] = heads[3 * bone + k] - (parent[bone] < 0 ? 0 : heads[3 * parent[bone] + k]);
        }
        return t;
    }

    /**
     * Column-major 4×4 inverse bind matrices, one per bone: with identity rotations a bone's world
     * transform is a translation to its head, so its inverse is the translation by minus the head.
     */
    float[] inverseBindMatrices() {
        float[] m = new float[16 * size()];
        for (int i = 0; i < size(); i++) {
            int o = 16 * i;
            m[o] = 1;
            m[o + 5] = 1;
            m[o + 10] = 1;
            m[o + 15] = 1;
            for (int k = 0; k < 3; k++) {
                m[o + 12 + k] = (float) -heads[3 * i + k];
            }
        }
        return m;
    }

    private static double[] head(Rig.Bone bone, BaseMesh base, double[] bodyCm) {
        String cube = bone.headCube();
        if (cube == null || cube.isBlank() || !base.groups().containsKey(cube)) {
            if (bone.parent() != null || !base.groups().containsKey(GROUND_CUBE)) {
                throw new IllegalArgumentException("bone " + bone.name() + " has no joint cube in the mesh: " + cube);
            }
            cube = GROUND_CUBE;
        }
        double[] c = new double[3];
        int[] members = base.groups().get(cube);
        for (int v : members) {
            for (int k = 0; k < 3; k++) {
                c[k] += bodyCm[3 * v + k];
            }
        }
        for (int k = 0; k < 3; k++) {
            c[k] /= members.length;
        }
        return c;
    }
}
