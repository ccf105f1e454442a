package dev.mensura.fitting.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MakeHuman's "game engine" skeleton ({@code rigs/standard/rig.game_engine.json}): 53 bones, each
 * with its parent and the joint cubes that place its head and tail; and its skinning weights
 * ({@code weights.game_engine.json}) per bone and vertex.
 */
public record Rig(List<Bone> bones, Map<String, Map<Integer, Float>> weights) {
    public static final String RIG = "rigs/standard/rig.game_engine.json";
    public static final String WEIGHTS = "rigs/standard/weights.game_engine.json";

    /** @param parent null for the root */
    public record Bone(String name, String parent, String headCube, String tailCube) {
    }

    public static Rig read(Path modelDir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode rig = json.readTree(modelDir.resolve(RIG).toFile());
        Map<String, Bone> byName = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rig.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode b = e.getValue();
            String parent = b.path("parent").isTextual() && !b.path("parent").asText().isEmpty()
                    ? b.path("parent").asText() : null;
            byName.put(e.getKey(), new Bone(e.getKey(), parent, b.path("head").path("cube_name").asText(),
                    b.path("tail").path("cube_name").asText()));
        }
        // parents before children, as a skin's joint list and glTF's node order want them
        List<Bone> ordered = new ArrayList<>();
        while (ordered.size() < byName.size()) {
            for (Bone b : byName.values()) {
                if (!ordered.contains(b) && (b.parent() == null || ordered.stream().anyMatch(o -> o.name()
                        .equals(b.parent())))) {
                    ordered.add(b);
                }
            }
        }
        Map<String, Map<Integer, Float>> weights = new LinkedHashMap<>();
        JsonNode w = json.readTree(modelDir.resolve(WEIGHTS).toFile()).path("weights");
        for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
            var e = it.next();
            Map<Integer, Float> perVertex = new LinkedHashMap<>();
            for (JsonNode pair : e.getValue()) {
                perVertex.put(pair.get(0).asInt(), (float) pair.get(1).asDouble());
            }
            weights.put(e.getKey(), perVertex);
        }
        return new Rig(List.copyOf(ordered), weights);
    }

    /**
     * How much of each vertex a bone and every bone below it move together (0–1): for
     * {@code upperarm_l}, the left arm from the shoulder down, the shoulder's skin blended with the
     * clavicle as the weights say.
     */
    public double[] chainWeights(String root, int vertexCount) {
        java.util.Set<String> chain = new java.util.HashSet<>();
        chain.add(root);
        for (Bone b : bones) { // parents come before children
            if (chain.contains(b.parent())) {
                chain.add(b.name());
            }
        }
        double[] w = new double[vertexCount];
        for (String bone : chain) {
            weights.getOrDefault(bone, Map.of()).forEach((v, weight) -> {
                if (v < vertexCount) {
                    w[v] += weight;
                }
            });
        }
        for (int v = 0; v < vertexCount; v++) {
            w[v] = Math.min(1, w[v]); // the file's sums reach 1.0000002 by rounding
        }
        return w;
    }

    /** Each vertex's most weighted bone (null for vertices no bone moves, e.g. helpers). */
    public String[] dominantBones(int vertexCount) {
        String[] bone = new String[vertexCount];
        float[] best = new float[vertexCount];
        weights.forEach((name, perVertex) -> perVertex.forEach((v, w) -> {
            if (v < vertexCount && w > best[v]) {
                best[v] = w;
                bone[v] = name;
            }
        }));
        return bone;
    }
}
