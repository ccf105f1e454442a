package dev.mensura.fitting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mensura.fitting.body.BaseMesh;
import dev.mensura.fitting.body.Rig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Four influences per vertex, largest first and summing to 1; unweighted vertices follow the root. */
class SkinWeightsTest {

    @Test
    void keepsTheFourLargestWeightsNormalisedAndGivesUnweightedVerticesToTheRoot() {
        // a triangle on vertices 0–2 plus one joint cube vertex per bone (3–7)
        double[] cm = new double[3 * 8];
        for (int v = 3; v < 8; v++) {
            cm[3 * v + 1] = 10 * v;
        }
        List<Rig.Bone> bones = List.of(new Rig.Bone("root", null, "j0", "j1"), new Rig.Bone("a", "root", "j1", "j2"),
                new Rig.Bone("b", "a", "j2", "j3"), new Rig.Bone("c", "b", "j3", "j4"),
                new Rig.Bone("d", "c", "j4", "j0"));
        Map<String, Map<Integer, Float>> weights = Map.of(
                "root", Map.of(0, 0.1f),
                "a", Map.of(0, 0.2f, 1, 0.5f),
                "b", Map.of(0, 0.3f, 1, 0.5f),
                "c", Map.of(0, 0.4f),
                "d", Map.of(0, 0.5f, 7, 1f));
        BaseMesh base = new BaseMesh(new float[24], new int[] {0, 1, 2}, Map.of("j0", new int[] {3},
                "j1", new int[] {4}, "j2", new int[] {5}, "j3", new int[] {6}, "j4", new int[] {7}));
        Rig rig = new Rig(bones, weights);
        Surface surface = Surface.of(cm, base.bodyTriangles());
        Skeleton skeleton = Skeleton.of(rig, base, cm);
        SkinWeights skin = SkinWeights.of(rig, skeleton, surface, 8);

        // vertex 0: five bones, the smallest (root, 0.1) dropped, the rest over 1.4
        assertThat(Arrays.copyOfRange(skin.joints(), 0, 4)).containsExactly(4, 3, 2, 1);
        assertThat(skin.weights()[0]).isCloseTo(0.5f / 1.4f, within(1e-6f));
        assertThat(skin.weights()[3]).isCloseTo(0.2f / 1.4f, within(1e-6f));
        // vertex 1: two equal bones
        assertThat(skin.weights()[4] + skin.weights()[5]).isCloseTo(1f, within(1e-6f));
        assertThat(skin.weights()[6]).isZero();
        // vertex 2: no bone weights it
        assertThat(skin.joints()[8]).isEqualTo(skeleton.root());
        assertThat(skin.weights()[8]).isEqualTo(1f);
        // bone d's head is cube j4 (vertex 7, 70 cm up), 10 cm above c's
        assertThat(skeleton.localTranslation(4)).containsExactly(new double[] {0, 0.1, 0}, within(1e-12));
        assertThat(skeleton.inverseBindMatrices()[16 * 4 + 13]).isCloseTo(-0.7f, within(1e-6f));
    }
}
