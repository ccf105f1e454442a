package dev.mensura.fitting.body;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.fitting.measure.Girth;
import dev.mensura.fitting.measure.Mesh;
import dev.mensura.fitting.measure.Plane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hm08 model as read from ../shared/bodymodel: its known effects and its symmetry hold. */
class BodyModelTest {
    static final Path DIR = dev.mensura.testkit.render.BodyModelDir.resolve();
    private static BodyModel model;

    @BeforeAll
    static void load() throws IOException {
        model = BodyModel.load(DIR);
    }

    @Test
    void theBaseMeshIsHm08WithItsBodyAndJoints() {
        assertThat(model.base().vertexCount()).isEqualTo(19158);
        assertThat(model.base().bodyTriangles().length / 3).isGreaterThan(20000);
        assertThat(model.base().groups()).containsKeys("joint-l-shoulder", "joint-r-knee", "joint-head");
    }

    @Test
    void slidersBlendTheTargetsAroundThem() {
        Map<String, Double> average = MacroTargets.of(Macro.average(0.5));
        assertThat(average).containsEntry("macrodetails/universal-female-young-averagemuscle-averageweight", 0.5)
                .containsEntry("macrodetails/universal-male-young-averagemuscle-averageweight", 0.5);
        assertThat(average.keySet()).noneMatch(k -> k.startsWith("macrodetails/height/"));
        double universal = average.entrySet().stream().filter(e -> e.getKey().contains("universal"))
                .mapToDouble(Map.Entry::getValue).sum();
        assertThat(universal).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        // age 0.25 lies between child (0.1875) and young (0.5)
        var m = new Macro(1, 0.25, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 0, 1);
        assertThat(MacroTargets.of(m)).containsEntry("macrodetails/caucasian-male-child", 0.8)
                .containsKey("macrodetails/caucasian-male-young");
    }

    @Test
    void anAverageManIsOfAdultHeightAndTallerWithTheHeightSlider() {
        double average = stature(model.positions(Macro.average(1), Map.of()));
        var tall = new Macro(1, 0.5, 0.5, 0.5, 1.0, 0.5, 0.5, 0.5, 1 / 3.0, 1 / 3.0, 1 / 3.0);
        double taller = stature(model.positions(tall, Map.of()));
        System.out.printf("stature: average man %.1f cm, height slider 1.0 %.1f cm%n", average, taller);
        assertThat(average).isBetween(160.0, 190.0);
        assertThat(taller).isGreaterThan(average + 5);
    }

    @Test
    void theWaistTargetRaisesTheWaistGirth() throws IOException {
        Target waist = Target.read(Files.walk(DIR.resolve("targets"))
                .filter(p -> p.getFileName().toString().equals("measure-waist-circ-incr.target.gz"))
                .findFirst().orElseThrow());
        float[] base = model.positions(Macro.average(0), Map.of());
        double level = actingHeight(waist, base) * BodyModel.CM_PER_UNIT;
        double before = torsoGirth(model.mesh(base), level, base);
        double after = torsoGirth(model.mesh(model.positions(Macro.average(0), Map.of("measure-waist-circ-incr", 1.0))),
                level, base);
        System.out.printf("waist girth at %.1f cm: %.1f cm, with measure-waist-circ-incr 1.0: %.1f cm%n", level,
                before, after);
        assertThat(before).isBetween(55.0, 110.0);
        assertThat(after).isGreaterThan(before + 1);
    }

    @Test
    void leftAndRightStayMirrorImagesUnlessOneSideAloneIsChanged() throws IOException {
        List<int[]> pairs = Files.readAllLines(DIR.resolve("mesh_metadata/hm08.mirror")).stream()
                .map(l -> l.trim().split("\\s+")).filter(p -> p.length >= 2)
                .map(p -> new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])}).toList();
        var macro = new Macro(0.3, 0.6, 0.7, 0.4, 0.6, 0.5, 0.5, 0.5, 0.2, 0.3, 0.5);
        float[] both = model.positions(macro, Map.of("l-lowerarm-scale-depth-incr", 0.8,
                "r-lowerarm-scale-depth-incr", 0.8));
        float[] oneSide = model.positions(macro, Map.of("l-lowerarm-scale-depth-incr", 0.8));
        assertThat(asymmetry(both, pairs)).as("mirror error, dm").isLessThan(1e-3);
        assertThat(asymmetry(oneSide, pairs)).isGreaterThan(1e-2);
    }

    private static double asymmetry(float[] p, List<int[]> pairs) {
        double worst = 0;
        for (int[] pair : pairs) {
            int a = 3 * pair[0];
            int b = 3 * pair[1];
            worst = Math.max(worst, Math.abs(p[a] + p[b]));
            worst = Math.max(worst, Math.abs(p[a + 1] - p[b + 1]));
            worst = Math.max(worst, Math.abs(p[a + 2] - p[b + 2]));
        }
        return worst;
    }

    private static double stature(float[] p) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        int[] t = model.base().bodyTriangles();
        for (int v : t) {
            min = Math.min(min, p[3 * v + 1]);
            max = Math.max(max, p[3 * v + 1]);
        }
        return (max - min) * BodyModel.CM_PER_UNIT;
    }

    /** The height the target moves most, weighted by how far it moves each vertex. */
    private static double actingHeight(Target t, float[] p) {
        double sum = 0;
        double weight = 0;
        for (int i = 0; i < t.indices().length; i++) {
            double d = Math.sqrt(t.deltas()[3 * i] * t.deltas()[3 * i] + t.deltas()[3 * i + 1] * t.deltas()[3 * i + 1]
                    + t.deltas()[3 * i + 2] * t.deltas()[3 * i + 2]);
            sum += d * p[3 * t.indices()[i] + 1];
            weight += d;
        }
        return sum / weight;
    }

    /** Around the torso only: vertices inside the shoulders' width, so elbows at waist height stay out. */
    private static double torsoGirth(Mesh mesh, double levelCm, float[] rest) {
        double shoulder = Math.abs(model.base().centroid("joint-l-shoulder", rest)[0]) * BodyModel.CM_PER_UNIT;
        return Girth.of(mesh, Plane.horizontal(levelCm), v -> Math.abs(rest[3 * v]) * BodyModel.CM_PER_UNIT
                < 0.8 * shoulder);
    }
}
