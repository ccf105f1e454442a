package dev.mensura.fitting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OBJ holds the used vertices in metres and one-based triangles that stay within them. */
class ObjWriterTest {

    @Test
    void theAverageManHasHisUsedVerticesAndTrianglesWithOneBasedIndices() throws IOException {
        double[] body = Bodies.averageMan();
        int[] triangles = Bodies.model().base().bodyTriangles();
        List<String> lines = new ObjWriter().write(body, triangles).lines().toList();
        assertThat(lines.get(0)).startsWith("# ").contains(GlbWriter.GENERATOR).contains("metres");
        List<String[]> vertices = lines.stream().filter(l -> l.startsWith("v ")).map(l -> l.split(" ")).toList();
        List<String[]> faces = lines.stream().filter(l -> l.startsWith("f ")).map(l -> l.split(" ")).toList();
        assertThat(vertices).hasSize((int) Arrays.stream(triangles).distinct().count());
        assertThat(faces).hasSize(triangles.length / 3);
        assertThat(faces).allMatch(f -> f.length == 4);
        int[] indices = faces.stream().flatMapToInt(f -> Arrays.stream(f, 1, 4).mapToInt(Integer::parseInt)).toArray();
        assertThat(Arrays.stream(indices).boxed().toList()).allMatch(i -> i >= 1 && i <= vertices.size());
        assertThat(Arrays.stream(indices).min().orElseThrow()).isEqualTo(1);
        assertThat(Arrays.stream(indices).max().orElseThrow()).isEqualTo(vertices.size());
        double top = vertices.stream().mapToDouble(v -> Double.parseDouble(v[2])).max().orElseThrow();
        double sole = vertices.stream().mapToDouble(v -> Double.parseDouble(v[2])).min().orElseThrow();
        assertThat(top - sole).isCloseTo(Bodies.heightCm(body, triangles) / 100, within(1e-5));
    }

    @Test
    void unusedVerticesAreLeftOutAndTheRestRenumbered() {
        double[] cm = {
            0, 0, 0, // unused
            100, 0, 0,
            0, 100, 0,
            0, 0, 100,
        };
        String obj = new ObjWriter().write(cm, new int[] {3, 1, 2});
        assertThat(obj.lines().filter(l -> !l.startsWith("#")).toList())
                .containsExactly("v 0.000000 0.000000 1.000000", "v 1.000000 0.000000 0.000000",
                        "v 0.000000 1.000000 0.000000", "f 1 2 3");
    }
}
