package dev.mensura.testkit.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-vertex "how much of this vertex belongs to the limb" for each arm and leg, from MakeHuman's
 * standard game-engine rig: the arm chain is {@code upperarm_l} (or {@code _r}) and every bone
 * below it in the rig (lower arm, hand, fingers, thumb); the clavicle is not part of it, so the
 * shoulder's skin blends between the fixed torso and the turned arm exactly as the rig's weights
 * say. The leg chain is {@code thigh_l} (or {@code _r}) and below, blending with the pelvis.
 */
final class LimbRig {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String RIG = "rigs/standard/rig.game_engine.json";
    static final String WEIGHTS = "rigs/standard/weights.game_engine.json";

    private static final Map<Path, LimbRig> CACHE = new ConcurrentHashMap<>();

    /** Arm weights by vertex index, 0..1, for the person's left (+x) and right (-x) arm. */
    final double[] left;
    final double[] right;
    /** Leg weights by vertex index, 0..1, for the person's left (+x) and right (-x) leg. */
    final double[] leftLeg;
    final double[] rightLeg;

    private LimbRig(double[] left, double[] right, double[] leftLeg, double[] rightLeg) {
        this.left = left;
        this.right = right;
        this.leftLeg = leftLeg;
        this.rightLeg = rightLeg;
    }

    static LimbRig of(BodyMesh mesh) {
        return CACHE.computeIfAbsent(mesh.modelDir(), dir -> read(dir, mesh.vertexCount()));
    }

    @SuppressWarnings("unchecked")
    private static LimbRig read(Path dir, int vertexCount) {
        Map<String, Object> rig = (Map<String, Object>) parse(dir.resolve(RIG));
        Map<String, Object> weights = (Map<String, Object>) ((Map<String, Object>) parse(dir.resolve(WEIGHTS)))
                .get("weights");
        return new LimbRig(chainWeights(rig, weights, "upperarm_l", vertexCount),
                chainWeights(rig, weights, "upperarm_r", vertexCount), chainWeights(rig, weights, "thigh_l", vertexCount),
                chainWeights(rig, weights, "thigh_r", vertexCount));
    }

    @SuppressWarnings("unchecked")
    private static double[] chainWeights(Map<String, Object> rig, Map<String, Object> weights, String root,
            int vertexCount) {
        if (!rig.containsKey(root)) {
            throw new IllegalStateException(RIG + " has no bone " + root);
        }
        // The bones whose parent chain reaches root (root included); the rig lists parents only.
        Set<String> chain = new LinkedHashSet<>();
        chain.add(root);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Object> bone : rig.entrySet()) {
                Object parent = ((Map<String, Object>) bone.getValue()).get("parent");
                if (chain.contains(parent) && chain.add(bone.getKey())) {
                    grew = true;
                }
            }
        }
        double[] w = new double[vertexCount];
        for (String bone : chain) {
            for (Object pair : (List<Object>) weights.getOrDefault(bone, List.of())) {
                List<Object> p = (List<Object>) pair;
                int v = ((Number) p.get(0)).intValue();
                if (v < vertexCount) {
                    w[v] += ((Number) p.get(1)).doubleValue();
                }
            }
        }
        for (int v = 0; v < vertexCount; v++) {
            w[v] = Math.min(1.0, w[v]); // the file's sums reach 1.0000002 by rounding
        }
        return w;
    }

    private static Object parse(Path file) {
        try {
            return JSON.readValue(file.toFile(), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
