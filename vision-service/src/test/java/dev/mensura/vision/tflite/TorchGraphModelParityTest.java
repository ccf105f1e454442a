package dev.mensura.vision.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.mensura.torch.TorchDevice;
import dev.mensura.vision.model.MediaPipeModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every MediaPipe graph the service runs, whole, on the same input through the executor and
 * through TFLite: every output must agree to float rounding accumulated over the graph's depth.
 */
class TorchGraphModelParityTest {
    static final Path MODELS = Path.of("../.models");

    @BeforeAll
    static void engine() {
        TorchDevice.configure(Path.of("target/djl-cache"));
    }

    @ParameterizedTest
    @EnumSource(MediaPipeModel.class)
    void theExecutorAgreesWithTflite(MediaPipeModel model) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(MODELS.resolve(model.fileName())));
        TfliteGraph graph = TfliteReader.read(file);
        float[] input = smoothNoise(graph.tensor(graph.inputs()[0]).shape(), new Random(model.ordinal()));
        List<float[]> expected;
        try (TfliteReference reference = new TfliteReference(file)) {
            expected = reference.run(input);
        }
        try (TorchGraph executor = TorchGraph.load(graph, Device.cpu())) {
            List<GraphOutput> actual = executor.run(input);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                float[] want = expected.get(i);
                float[] got = actual.get(i).values();
                assertThat(got).hasSameSizeAs(want);
                float scale = 1;
                for (float v : want) {
                    scale = Math.max(scale, Math.abs(v));
                }
                assertThat(TorchGraphOpTest.maxAbsDiff(got, want))
                        .as("%s output %s: max |executor - TFLite| against a scale of %s", model,
                                actual.get(i).name(), scale)
                        .isLessThanOrEqualTo(1e-3f * scale);
            }
        }
    }

    /** An image-like input: smooth random blobs in [0, 1] (landmark models) or [-1, 1] (detectors). */
    static float[] smoothNoise(int[] nhwc, Random random) {
        int h = nhwc[1];
        int w = nhwc[2];
        int c = nhwc[3];
        float[] values = new float[h * w * c];
        double[][] waves = new double[6][4];
        for (double[] wave : waves) {
            wave[0] = random.nextDouble() * 0.1;
            wave[1] = random.nextDouble() * 0.1;
            wave[2] = random.nextDouble() * Math.PI * 2;
            wave[3] = random.nextDouble();
        }
        boolean signed = h != 256;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    double v = 0;
                    for (double[] wave : waves) {
                        v += wave[3] * Math.sin(wave[0] * x * (k + 1) + wave[1] * y + wave[2]);
                    }
                    double unit = 0.5 + 0.5 * Math.tanh(v);
                    values[(y * w + x) * c + k] = (float) (signed ? unit * 2 - 1 : unit);
                }
            }
        }
        return values;
    }
}
