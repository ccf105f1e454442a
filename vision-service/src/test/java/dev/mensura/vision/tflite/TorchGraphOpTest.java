package dev.mensura.vision.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.mensura.torch.TorchDevice;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each builtin the MediaPipe graphs use, in the variants they use it (and the awkward ones: SAME
 * with the odd padding pixel, padded max pooling, non-2x resizes), run on random inputs by the
 * executor and by TFLite's interpreter; the results must agree to float rounding.
 */
class TorchGraphOpTest {
    private static final float TOLERANCE = 2e-5f;
    private final Random random = new Random(20261123);

    @BeforeAll
    static void engine() {
        TorchDevice.configure(Path.of("target/djl-cache"));
    }

    @Test
    void convolutionSameStrideOneWithRelu6() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 9, 9, 5);
        int w = m.halfWeight("w", random, 7, 3, 3, 5);
        int b = m.halfWeight("b", random, 7);
        int y = m.activation("y", 1, 9, 9, 7);
        m.op(Builtin.CONV_2D, new int[] {x, w, b}, new int[] {y}, 1, 1, 'i', 1, 2, 'i', 1, 3, 'b', 3);
        assertAgrees(m.build(x, y));
    }

    @Test
    void convolutionSameStrideTwoPadsTheOddPixelAfter() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 10, 12, 3);
        int w = m.halfWeight("w", random, 4, 3, 3, 3);
        int b = m.halfWeight("b", random, 4);
        int y = m.activation("y", 1, 5, 6, 4);
        m.op(Builtin.CONV_2D, new int[] {x, w, b}, new int[] {y}, 1, 1, 'i', 2, 2, 'i', 2);
        assertAgrees(m.build(x, y));
    }

    @Test
    void convolutionValidTwoByTwoStrideTwoAndFiveByFiveSame() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 8, 8, 4);
        int w1 = m.halfWeight("w1", random, 6, 2, 2, 4);
        int b1 = m.halfWeight("b1", random, 6);
        int h = m.activation("h", 1, 4, 4, 6);
        m.op(Builtin.CONV_2D, new int[] {x, w1, b1}, new int[] {h}, 1, 0, 'b', 1, 1, 'i', 2, 2, 'i', 2);
        int w2 = m.halfWeight("w2", random, 3, 5, 5, 6);
        int b2 = m.halfWeight("b2", random, 3);
        int y = m.activation("y", 1, 4, 4, 3);
        m.op(Builtin.CONV_2D, new int[] {h, w2, b2}, new int[] {y}, 1, 1, 'i', 1, 2, 'i', 1);
        assertAgrees(m.build(x, y));
    }

    @Test
    void depthwiseSameStrideTwoAndValidFiveByFive() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 11, 11, 6);
        int w1 = m.halfWeight("w1", random, 1, 3, 3, 6);
        int b1 = m.halfWeight("b1", random, 6);
        int h = m.activation("h", 1, 6, 6, 6);
        m.op(Builtin.DEPTHWISE_CONV_2D, new int[] {x, w1, b1}, new int[] {h}, 2, 1, 'i', 2, 2, 'i', 2, 3, 'i', 1,
                4, 'b', 3);
        int w2 = m.halfWeight("w2", random, 1, 5, 5, 6);
        int b2 = m.halfWeight("b2", random, 6);
        int y = m.activation("y", 1, 2, 2, 6);
        m.op(Builtin.DEPTHWISE_CONV_2D, new int[] {h, w2, b2}, new int[] {y}, 2, 0, 'b', 1, 1, 'i', 1, 2, 'i', 1,
                3, 'i', 1);
        assertAgrees(m.build(x, y));
    }

    @Test
    void maxPoolValidAndSameWithPaddingThatNeverWins() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 7, 7, 3);
        int h = m.activation("h", 1, 4, 4, 3);
        // SAME on an odd size pads one pixel after: those positions must not become the max
        m.op(Builtin.MAX_POOL_2D, new int[] {x}, new int[] {h}, 5, 1, 'i', 2, 2, 'i', 2, 3, 'i', 2, 4, 'i', 2);
        int y = m.activation("y", 1, 2, 2, 3);
        m.op(Builtin.MAX_POOL_2D, new int[] {h}, new int[] {y}, 5, 0, 'b', 1, 1, 'i', 2, 2, 'i', 2, 3, 'i', 2,
                4, 'i', 2);
        assertAgrees(m.build(x, y), -5f);
    }

    @Test
    void addWithFusedRelu6AndConcatenationOnTheChannelAxis() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 5, 5, 4);
        int w = m.halfWeight("w", random, 4, 1, 1, 4);
        int b = m.halfWeight("b", random, 4);
        int c = m.activation("c", 1, 5, 5, 4);
        m.op(Builtin.CONV_2D, new int[] {x, w, b}, new int[] {c}, 1, 1, 'i', 1, 2, 'i', 1);
        int s = m.activation("s", 1, 5, 5, 4);
        m.op(Builtin.ADD, new int[] {x, c}, new int[] {s}, 11, 0, 'b', 3);
        int y = m.activation("y", 1, 5, 5, 8);
        m.op(Builtin.CONCATENATION, new int[] {s, x}, new int[] {y}, 10, 0, 'i', 3);
        assertAgrees(m.build(x, y));
    }

    @Test
    void reshapeWithAShapeTensorSeesNhwcOrderAndConcatenatesOnAxisOne() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 4, 4, 6);
        int shape = m.ints("shape", 1, -1, 6);
        int r = m.activation("r", 1, 16, 6);
        m.op(Builtin.RESHAPE, new int[] {x, shape}, new int[] {r}, 0);
        int shape2 = m.ints("shape2", 1, 32, 3);
        int r2 = m.activation("r2", 1, 32, 3);
        m.op(Builtin.RESHAPE, new int[] {x, shape2}, new int[] {r2}, 0);
        int shape3 = m.ints("shape3", 1, -1, 6);
        int r3 = m.activation("r3", 1, 16, 6);
        m.op(Builtin.RESHAPE, new int[] {r2, shape3}, new int[] {r3}, 0);
        int y = m.activation("y", 1, 32, 6);
        m.op(Builtin.CONCATENATION, new int[] {r, r3}, new int[] {y}, 10, 0, 'i', 1);
        assertAgrees(m.build(x, y));
    }

    @Test
    void reshapeBackToRankFourIsNhwc() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 2, 3, 4);
        int shape = m.ints("shape", 1, 4, 3, 2);
        int r = m.activation("r", 1, 4, 3, 2);
        m.op(Builtin.RESHAPE, new int[] {x, shape}, new int[] {r}, 0);
        int w = m.halfWeight("w", random, 2, 1, 1, 2);
        int b = m.halfWeight("b", random, 2);
        int y = m.activation("y", 1, 4, 3, 2);
        m.op(Builtin.CONV_2D, new int[] {r, w, b}, new int[] {y}, 1, 1, 'i', 1, 2, 'i', 1);
        assertAgrees(m.build(x, y));
    }

    @Test
    void resizeBilinearWithHalfPixelCentresDoublesTheSize() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 5, 6, 3);
        int size = m.ints("size", 10, 12);
        int y = m.activation("y", 1, 10, 12, 3);
        m.op(Builtin.RESIZE_BILINEAR, new int[] {x, size}, new int[] {y}, 15, 3, 'z', 1);
        assertAgrees(m.build(x, y));
    }

    @Test
    void resizeBilinearWithHalfPixelCentresToOddSizes() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 5, 6, 3);
        int size = m.ints("size", 7, 17);
        int y = m.activation("y", 1, 7, 17, 3);
        m.op(Builtin.RESIZE_BILINEAR, new int[] {x, size}, new int[] {y}, 15, 3, 'z', 1);
        assertAgrees(m.build(x, y));
    }

    @Test
    void padSpatiallyAndAppendsChannels() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 4, 5, 3);
        int p = m.ints2d("paddings", 4, 0, 0, 1, 2, 2, 1, 0, 3);
        int y = m.activation("y", 1, 7, 8, 6);
        m.op(Builtin.PAD, new int[] {x, p}, new int[] {y}, 22);
        assertAgrees(m.build(x, y));
    }

    @Test
    void depthToSpaceTakesChannelBlocksRowColumnDepth() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 3, 4, 12);
        int y = m.activation("y", 1, 6, 8, 3);
        m.op(Builtin.DEPTH_TO_SPACE, new int[] {x}, new int[] {y}, 94, 0, 'i', 2);
        assertAgrees(m.build(x, y));
    }

    @Test
    void logisticAndRelu() {
        TinyModel m = new TinyModel();
        int x = m.activation("x", 1, 4, 4, 3);
        int r = m.activation("r", 1, 4, 4, 3);
        m.op(Builtin.RELU, new int[] {x}, new int[] {r}, 0);
        int l = m.activation("l", 1, 4, 4, 3);
        m.op(Builtin.LOGISTIC, new int[] {x}, new int[] {l}, 0);
        int y = m.activation("y", 1, 4, 4, 3);
        m.op(Builtin.ADD, new int[] {r, l}, new int[] {y}, 11);
        assertAgrees(m.build(x, y));
    }

    private void assertAgrees(ByteBuffer model) {
        assertAgrees(model, 0f);
    }

    /** @param offset shifts the random inputs, e.g. negative so that zero padding would win a max */
    private void assertAgrees(ByteBuffer model, float offset) {
        TfliteGraph graph = TfliteReader.read(model);
        float[] input = new float[(int) graph.tensor(graph.inputs()[0]).elementCount()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian() + offset;
        }
        List<float[]> expected;
        try (TfliteReference reference = new TfliteReference(model)) {
            expected = reference.run(input);
        }
        try (TorchGraph executor = TorchGraph.load(graph, Device.cpu())) {
            List<GraphOutput> actual = executor.run(input);
            assertThat(actual).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i).values()).hasSameSizeAs(expected.get(i));
                float maxDiff = maxAbsDiff(actual.get(i).values(), expected.get(i));
                assertThat(maxDiff).as("max |executor - TFLite| of output " + actual.get(i).name())
                        .isLessThanOrEqualTo(TOLERANCE * (1 + maxAbs(expected.get(i))));
            }
        }
    }

    static float maxAbsDiff(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static float maxAbs(float[] a) {
        float max = 0;
        for (float v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
