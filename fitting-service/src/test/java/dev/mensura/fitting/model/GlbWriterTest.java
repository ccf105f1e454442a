package dev.mensura.fitting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.fitting.body.BaseMesh;
import dev.mensura.fitting.body.Rig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The average man written as GLB: read back field by field, then checked by the Khronos validator. */
class GlbWriterTest {
    private static double[] body;
    private static int[] triangles;
    private static BaseMesh base;
    private static byte[] bytes;
    private static Glb glb;
    private static int vertexCount;

    @BeforeAll
    static void write() throws IOException {
        body = Bodies.averageMan();
        base = Bodies.model().base();
        triangles = base.bodyTriangles();
        bytes = new GlbWriter().write(body, triangles, Bodies.rig(), base);
        glb = Glb.parse(bytes); // header, chunk lengths and types, JSON parse
        vertexCount = (int) Arrays.stream(triangles).distinct().count();
    }

    @Test
    void theAssetNamesItsGeneratorAndVersion() {
        assertThat(glb.json().at("/asset/version").asText()).isEqualTo("2.0");
        assertThat(glb.json().at("/asset/generator").asText()).isEqualTo(GlbWriter.GENERATOR);
        assertThat(glb.json().at("/nodes/0/mesh").asInt()).isZero();
        assertThat(glb.json().at("/nodes/0/skin").asInt()).isZero();
    }

    @Test
    void everyVertexAttributeHasOneEntryPerUsedVertexAndTheIndicesCoverTheTriangles() {
        for (String attribute : new String[] {"POSITION", "NORMAL", "JOINTS_0", "WEIGHTS_0"}) {
            assertThat(glb.attribute(attribute).path("count").asInt()).as(attribute).isEqualTo(vertexCount);
        }
        JsonNode indices = glb.accessor(glb.json().at("/meshes/0/primitives/0/indices").asInt());
        assertThat(indices.path("count").asInt()).isEqualTo(triangles.length);
        assertThat(Arrays.stream(glb.read(indices)).boxed().toList()).allMatch(i -> i >= 0 && i < vertexCount);
        for (JsonNode view : glb.json().path("bufferViews")) {
            assertThat(view.path("byteOffset").asInt() % 4).isZero();
        }
    }

    @Test
    void positionsAreInMetresWithExactBoundsAndTheBodysHeight() {
        JsonNode position = glb.attribute("POSITION");
        double[] p = glb.read(position);
        for (int k = 0; k < 3; k++) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i = k; i < p.length; i += 3) {
                min = Math.min(min, p[i]);
                max = Math.max(max, p[i]);
            }
            assertThat(position.path("min").get(k).asDouble()).isEqualTo(min);
            assertThat(position.path("max").get(k).asDouble()).isEqualTo(max);
        }
        double height = position.path("max").get(1).asDouble() - position.path("min").get(1).asDouble();
        assertThat(height).isCloseTo(Bodies.heightCm(body, triangles) / 100, within(1e-4));
        assertThat(position.path("min").get(1).asDouble()).isCloseTo(0, within(1e-6)); // soles on the ground
    }

    @Test
    void normalsAreUnitLengthAndPointOutOfTheBody() {
        double[] n = glb.read(glb.attribute("NORMAL"));
        double[] p = glb.read(glb.attribute("POSITION"));
        for (int v = 0; v < n.length; v += 3) {
            assertThat(Math.sqrt(n[v] * n[v] + n[v + 1] * n[v + 1] + n[v + 2] * n[v + 2])).isCloseTo(1, within(1e-6));
        }
        // the crown's normal points up, the most forward point's forward, the most backward point's back
        assertThat(n[extreme(p, 1, true) + 1]).isGreaterThan(0.5);
        assertThat(n[extreme(p, 2, true) + 2]).isGreaterThan(0.5);
        assertThat(n[extreme(p, 2, false) + 2]).isLessThan(-0.5);
    }

    @Test
    void theSkinHasTheRigsJointsWithWeightsSummingToOne() {
        JsonNode skin = glb.json().at("/skins/0");
        assertThat(skin.path("joints")).hasSize(53);
        assertThat(glb.json().path("nodes").get(skin.path("skeleton").asInt()).path("name").asText()).isEqualTo("Root");
        double[] joints = glb.read(glb.attribute("JOINTS_0"));
        double[] weights = glb.read(glb.attribute("WEIGHTS_0"));
        assertThat(Arrays.stream(joints).boxed().toList()).allMatch(j -> j >= 0 && j < 53);
        for (int v = 0; v < weights.length; v += 4) {
            double sum = weights[v] + weights[v + 1] + weights[v + 2] + weights[v + 3];
            assertThat(sum).as("weights of vertex %d", v / 4).isCloseTo(1, within(1e-6));
        }
        assertThat(glb.accessor(skin.path("inverseBindMatrices").asInt()).path("count").asInt()).isEqualTo(53);
    }

    @Test
    void eachBoneSitsAtItsJointCubeAndItsInverseBindMatrixUndoesThat() throws IOException {
        JsonNode nodes = glb.json().path("nodes");
        JsonNode skin = glb.json().at("/skins/0");
        Map<Integer, double[]> world = new HashMap<>();
        Map<Integer, Integer> parent = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (JsonNode child : nodes.get(i).path("children")) {
                parent.put(child.asInt(), i);
            }
        }
        double[] inverseBind = glb.read(glb.accessor(skin.path("inverseBindMatrices").asInt()));
        for (int j = 0; j < skin.path("joints").size(); j++) {
            int node = skin.path("joints").get(j).asInt();
            double[] head = new double[3];
            for (Integer at = node; at != null; at = parent.get(at)) {
                for (int k = 0; k < 3; k++) {
                    head[k] += nodes.get(at).path("translation").get(k).asDouble();
                }
            }
            world.put(node, head);
            for (int k = 0; k < 3; k++) {
                assertThat(inverseBind[16 * j + 12 + k]).isCloseTo(-head[k], within(1e-6));
            }
        }
        Rig.Bone head = Bodies.rigBone("head");
        double[] cube = centroid(base.groups().get(head.headCube()));
        int headNode = 1 + Bodies.rigIndex("head");
        assertThat(nodes.get(headNode).path("name").asText()).isEqualTo("head");
        for (int k = 0; k < 3; k++) {
            assertThat(world.get(headNode)[k]).isCloseTo(cube[k] / 100, within(1e-6));
        }
    }

    @Test
    void theKhronosValidatorFindsNoErrors() throws Exception {
        Path file = Files.createDirectories(GltfValidator.target(Path.of(GlbWriterTest.class
                .getResource("/gltf/validate.js").toURI())).resolve("gltf")).resolve("average-man.glb");
        Files.write(file, bytes);
        JsonNode report = GltfValidator.validate(file);
        JsonNode issues = report.path("issues");
        System.out.printf("gltf-validator %s: %d errors, %d warnings, %d infos, %d hints%n",
                report.path("validatorVersion").asText(), issues.path("numErrors").asInt(),
                issues.path("numWarnings").asInt(), issues.path("numInfos").asInt(), issues.path("numHints").asInt());
        for (JsonNode message : issues.path("messages")) {
            System.out.printf("  %s %s at %s%n", message.path("code").asText(), message.path("message").asText(),
                    message.path("pointer").asText());
        }
        assertThat(issues.isObject()).as("the validator's report has issues").isTrue();
        assertThat(issues.path("numErrors").asInt()).as("validator errors").isZero();
    }

    private static int extreme(double[] p, int axis, boolean max) {
        int best = axis;
        for (int i = axis; i < p.length; i += 3) {
            if (max ? p[i] > p[best] : p[i] < p[best]) {
                best = i;
            }
        }
        return best - axis;
    }

    private static double[] centroid(int[] members) {
        double[] c = new double[3];
        for (int v : members) {
            for (int k = 0; k < 3; k++) {
                c[k] += body[3 * v + k] / members.length;
            }
        }
        return c;
    }
}
