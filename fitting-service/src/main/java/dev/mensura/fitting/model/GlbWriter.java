package dev.mensura.fitting.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mensura.fitting.body.BaseMesh;
import dev.mensura.fitting.body.Rig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Writes a fitted body as a glTF 2.0 binary (GLB): the visible surface in metres with normals, the
 * hm08 game-engine skeleton placed in that body (identity rotations, each bone at its joint), and
 * the rig's skin weights, so a viewer or engine can pose the body. Node 0 is the skinned mesh and
 * nodes 1… are the bones in the rig's order; the mesh node and the root bone(s) are the scene's roots.
 */
public final class GlbWriter {
    public static final String GENERATOR = "Mensura fitting-service";
    static final int MAGIC = 0x46546C67; // "glTF"
    static final int VERSION = 2;
    static final int JSON_CHUNK = 0x4E4F534A; // "JSON"
    static final int BIN_CHUNK = 0x004E4942; // "BIN\0"

    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param bodyCm    every body vertex, x, y, z in centimetres (y up, facing +z)
     * @param triangles the triangles to export (vertex index triples into {@code bodyCm}), e.g. the
     *                  base mesh's body triangles; only the vertices they use are written
     * @param rig       the skeleton and weights, indexed like {@code bodyCm}
     * @param base      the base mesh, for the joint cubes that place the bones
     */
    public byte[] write(double[] bodyCm, int[] triangles, Rig rig, BaseMesh base) {
        Surface surface = Surface.of(bodyCm, triangles);
        Skeleton skeleton = Skeleton.of(rig, base, bodyCm);
        SkinWeights skin = SkinWeights.of(rig, skeleton, surface, bodyCm.length / 3);

        GlbBuffer bin = new GlbBuffer();
        int position = bin.floats(surface.metres(), "VEC3", GlbBuffer.ARRAY_BUFFER, true);
        int normal = bin.floats(Normals.of(surface.metres(), surface.triangles()), "VEC3", GlbBuffer.ARRAY_BUFFER,
                false);
        int joints = bin.unsigned(skin.joints(), skeleton.size() <= 256 ? GlbBuffer.UNSIGNED_BYTE
                : GlbBuffer.UNSIGNED_SHORT, "VEC4", GlbBuffer.ARRAY_BUFFER);
        int weights = bin.floats(skin.weights(), "VEC4", GlbBuffer.ARRAY_BUFFER, false);
        // 65535 is the primitive-restart value, which glTF forbids in indices
        int indices = bin.unsigned(surface.triangles(), surface.vertexCount() < 65535 ? GlbBuffer.UNSIGNED_SHORT
                : GlbBuffer.UNSIGNED_INT, "SCALAR", GlbBuffer.ELEMENT_ARRAY_BUFFER);
        // inverse bind matrices are read by the skin, not bound as vertex data: no target
        int inverseBind = bin.floats(skeleton.inverseBindMatrices(), "MAT4", null, false);

        ObjectNode gltf = json.createObjectNode();
        ObjectNode asset = gltf.putObject("asset");
        asset.put("generator", GENERATOR);
        asset.put("version", "2.0");
        gltf.put("scene", 0);
        ArrayNode sceneNodes = gltf.putArray("scenes").addObject().putArray("nodes");
        sceneNodes.add(0);
        ArrayNode nodes = gltf.putArray("nodes");
        ObjectNode body = nodes.addObject();
        body.put("name", "body");
        body.put("mesh", 0);
        body.put("skin", 0);
        bones(nodes, sceneNodes, skeleton);

        ObjectNode primitive = gltf.putArray("meshes").addObject().put("name", "body").putArray("primitives")
                .addObject();
        ObjectNode attributes = primitive.putObject("attributes");
        attributes.put("POSITION", position);
        attributes.put("NORMAL", normal);
        attributes.put("JOINTS_0", joints);
        attributes.put("WEIGHTS_0", weights);
        primitive.put("indices", indices);
        primitive.put("mode", 4); // triangles

        ObjectNode skinNode = gltf.putArray("skins").addObject();
        skinNode.put("name", "hm08 game engine");
        skinNode.put("inverseBindMatrices", inverseBind);
        ArrayNode jointNodes = skinNode.putArray("joints");
        for (int i = 0; i < skeleton.size(); i++) {
            jointNodes.add(1 + i);
        }
        if (Arrays.stream(skeleton.parent()).filter(p -> p < 0).count() == 1) {
            skinNode.put("skeleton", 1 + skeleton.root()); // only a single root is the joints' common root
        }

        byte[] binary = bin.bytes();
        gltf.set("accessors", bin.accessors());
        gltf.set("bufferViews", bin.bufferViews());
        gltf.putArray("buffers").addObject().put("byteLength", binary.length);
        return glb(text(gltf), binary);
    }

    private static void bones(ArrayNode nodes, ArrayNode sceneNodes, Skeleton skeleton) {
        ObjectNode[] bones = new ObjectNode[skeleton.size()];
        for (int i = 0; i < skeleton.size(); i++) {
            bones[i] = nodes.addObject();
            bones[i].put("name", skeleton.bones().get(i).name());
            ArrayNode translation = bones[i].putArray("translation");
            for (double t : skeleton.localTranslation(i)) {
                translation.add(t);
            }
            int parent = skeleton.parent()[i];
            if (parent < 0) {
                sceneNodes.add(1 + i);
            } else {
                ArrayNode children = bones[parent].has("children") ? (ArrayNode) bones[parent].get("children")
                        : bones[parent].putArray("children");
                children.add(1 + i);
            }
        }
    }

    private byte[] text(ObjectNode gltf) {
        try {
            return json.writeValueAsBytes(gltf);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the glTF JSON", e);
        }
    }

    /** Header, JSON chunk padded with spaces and BIN chunk padded with zeros, each to 4 bytes. */
    private static byte[] glb(byte[] jsonBytes, byte[] binary) {
        int jsonLength = padded(jsonBytes.length);
        int binLength = padded(binary.length);
        ByteBuffer out = ByteBuffer.allocate(12 + 8 + jsonLength + 8 + binLength).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(VERSION).putInt(out.capacity());
        out.putInt(jsonLength).putInt(JSON_CHUNK).put(jsonBytes);
        for (int i = jsonBytes.length; i < jsonLength; i++) {
            out.put((byte) ' ');
        }
        out.putInt(binLength).putInt(BIN_CHUNK).put(binary);
        // the rest of the BIN padding is already zero in a fresh buffer
        return out.array();
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }
}
