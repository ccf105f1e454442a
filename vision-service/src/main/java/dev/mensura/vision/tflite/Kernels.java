package dev.mensura.vision.tflite;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * Prepares each TFLite builtin as a {@link Kernel} over DJL NDArrays, float path, with TFLite's
 * reference semantics (tensorflow/lite/kernels/internal/reference/*.h): SAME padding puts the odd
 * pixel after, max pooling ignores padded positions, bilinear resize with half-pixel centres.
 * Option slot ids are those of schema.fbs (docs/vision/tflite-schema-and-ops.md §1.4).
 */
final class Kernels {
    private static final int SAME = 0;
    // DJL numbers interpolation modes by Image.Interpolation and maps them to torch's
    private static final int BILINEAR = ai.djl.modality.cv.Image.Interpolation.BILINEAR.ordinal();

    private final TfliteGraph graph;
    private final NDArray[] constants;
    private final NDManager weights;

    Kernels(TfliteGraph graph, NDArray[] constants, NDManager weights) {
        this.graph = graph;
        this.constants = constants;
        this.weights = weights;
    }

    Kernel prepare(TfliteGraph.Operator op) {
        return switch (op.code()) {
            case Builtin.CONV_2D -> conv(op, false);
            case Builtin.DEPTHWISE_CONV_2D -> conv(op, true);
            case Builtin.MAX_POOL_2D -> maxPool(op);
            case Builtin.ADD -> add(op);
            case Builtin.CONCATENATION -> concat(op);
            case Builtin.RESHAPE -> reshape(op);
            case Builtin.RESIZE_BILINEAR -> resize(op);
            case Builtin.PAD -> pad(op);
            case Builtin.DEPTH_TO_SPACE -> depthToSpace(op);
            case Builtin.LOGISTIC -> in -> Activation.sigmoid(in[0]);
            case Builtin.RELU -> in -> Activation.relu(in[0]);
            default -> throw new UnsupportedModelException("builtin operator " + op.code() + " is not implemented");
        };
    }

    private Kernel conv(TfliteGraph.Operator op, boolean depthwise) {
        TfliteGraph.Options o = op.options();
        int padding = o.byteAt(0, SAME);
        int strideW = o.intAt(1, 0);
        int strideH = o.intAt(2, 0);
        int activation = o.byteAt(depthwise ? 4 : 3, 0);
        int dilationW = o.intAt(depthwise ? 5 : 4, 1);
        int dilationH = o.intAt(depthwise ? 6 : 5, 1);
        int[] in = graph.tensor(op.inputs()[0]).shape();
        NDArray filter = constant(op.inputs()[1], "filter");
        NDArray bias = op.inputs().length > 2 && op.inputs()[2] >= 0 ? constant(op.inputs()[2], "bias") : null;
        int groups = 1;
        if (depthwise) {
            // [1, KH, KW, C*M] was made [1, C*M, KH, KW]; grouped convolution wants [C*M, 1, KH, KW]
            filter = filter.transpose(1, 0, 2, 3);
            filter.attach(weights);
            groups = in[3];
        }
        long kh = filter.getShape().get(2);
        long kw = filter.getShape().get(3);
        int[] padH = samePadding(padding, in[1], strideH, (int) ((kh - 1) * dilationH + 1));
        int[] padW = samePadding(padding, in[2], strideW, (int) ((kw - 1) * dilationW + 1));
        Shape stride = new Shape(strideH, strideW);
        Shape dilation = new Shape(dilationH, dilationW);
        boolean symmetric = padH[0] == padH[1] && padW[0] == padW[1];
        Shape convPadding = symmetric ? new Shape(padH[0], padW[0]) : new Shape(0, 0);
        NDArray w = filter;
        int g = groups;
        return x -> {
            NDArray input = symmetric ? x[0] : x[0].pad(new Shape(padW[0], padW[1], padH[0], padH[1]), 0);
            NDList out = input.getNDArrayInternal().convolution(input, w, bias, stride, convPadding, dilation, g);
            return activate(out.singletonOrThrow(), activation);
        };
    }

    private Kernel maxPool(TfliteGraph.Operator op) {
        TfliteGraph.Options o = op.options();
        int padding = o.byteAt(0, SAME);
        int strideW = o.intAt(1, 0);
        int strideH = o.intAt(2, 0);
        int filterW = o.intAt(3, 0);
        int filterH = o.intAt(4, 0);
        int activation = o.byteAt(5, 0);
        int[] in = graph.tensor(op.inputs()[0]).shape();
        int[] padH = samePadding(padding, in[1], strideH, filterH);
        int[] padW = samePadding(padding, in[2], strideW, filterW);
        boolean padded = padH[0] + padH[1] + padW[0] + padW[1] > 0;
        Shape kernel = new Shape(filterH, filterW);
        Shape stride = new Shape(strideH, strideW);
        return x -> {
            // padded positions never win the max, as in TFLite
            NDArray input = padded
                    ? x[0].pad(new Shape(padW[0], padW[1], padH[0], padH[1]), Double.NEGATIVE_INFINITY)
                    : x[0];
            return activate(input.getNDArrayInternal().maxPool(kernel, stride, new Shape(0, 0), false), activation);
        };
    }

    private Kernel add(TfliteGraph.Operator op) {
        int activation = op.options() == null ? 0 : op.options().byteAt(0, 0);
        return x -> activate(x[0].add(x[1]), activation);
    }

    private Kernel concat(TfliteGraph.Operator op) {
        int rank = graph.tensor(op.outputs()[0]).shape().length;
        int axis = Layout.axis(op.options().intAt(0, 0), rank);
        int activation = op.options().byteAt(1, 0);
        return x -> activate(NDArrays.concat(new NDList(x), axis), activation);
    }

    /** Reshape sees TFLite's row-major NHWC order, so rank-4 tensors go through NHWC. */
    private Kernel reshape(TfliteGraph.Operator op) {
        int[] target = graph.tensor(op.outputs()[0]).shape();
        long[] shape = new long[target.length];
        for (int i = 0; i < target.length; i++) {
            shape[i] = target[i];
        }
        return x -> Layout.toNchw(Layout.toNhwc(x[0]).reshape(shape));
    }

    private Kernel resize(TfliteGraph.Operator op) {
        boolean alignCorners = op.options() != null && op.options().boolAt(2, false);
        boolean halfPixel = op.options() != null && op.options().boolAt(3, false);
        // torch's bilinear with align_corners=false is TFLite's half_pixel_centers; with
        // align_corners=true it is TFLite's align_corners. The legacy mode matches neither.
        if (alignCorners == halfPixel) {
            throw new UnsupportedModelException("resize bilinear without half-pixel centres is not supported");
        }
        int[] size = graph.tensor(op.inputs()[1]).ints();
        int[] in = graph.tensor(op.inputs()[0]).shape();
        // Upsampling (all MediaPipe's resizes are 2x) agrees with TFLite; downsampling was seen to
        // differ from TFLite 2.6's kernel, so a graph that needs it is refused, not approximated.
        if (size[0] < in[1] || size[1] < in[2]) {
            throw new UnsupportedModelException("resize bilinear that shrinks a tensor is not supported");
        }
        long[] hw = {size[0], size[1]};
        return x -> x[0].getNDArrayInternal().interpolation(hw, BILINEAR, alignCorners);
    }

    private Kernel pad(TfliteGraph.Operator op) {
        int[] p = graph.tensor(op.inputs()[1]).ints(); // [[n0,n1],[h0,h1],[w0,w1],[c0,c1]] for rank 4
        Shape padding;
        if (p.length == 8) {
            // torch pads from the last dimension backwards; in NCHW that is W, H, C, N
            padding = new Shape(p[4], p[5], p[2], p[3], p[6], p[7], p[0], p[1]);
        } else {
            long[] reversed = new long[p.length];
            for (int d = 0; d < p.length / 2; d++) {
                int from = p.length / 2 - 1 - d;
                reversed[2 * d] = p[2 * from];
                reversed[2 * d + 1] = p[2 * from + 1];
            }
            padding = new Shape(reversed);
        }
        return x -> x[0].pad(padding, 0);
    }

    /** out[b, oh, ow, d] = in[b, oh/bs, ow/bs, d + ((oh%bs)*bs + ow%bs) * D]: channel blocks are (row, col, depth). */
    private Kernel depthToSpace(TfliteGraph.Operator op) {
        int bs = op.options().intAt(0, 0);
        int[] out = graph.tensor(op.outputs()[0]).shape();
        long n = out[0];
        long h = out[1] / bs;
        long w = out[2] / bs;
        long d = out[3];
        return x -> x[0].reshape(n, bs, bs, d, h, w)
                .transpose(0, 3, 4, 1, 5, 2)
                .reshape(n, d, h * bs, w * bs);
    }

    private static NDArray activate(NDArray x, int fused) {
        return switch (fused) {
            case 0 -> x;
            case 1 -> Activation.relu(x);
            case 2 -> x.clip(-1, 1);
            case 3 -> x.clip(0, 6);
            case 4 -> x.tanh();
            default -> throw new UnsupportedModelException("fused activation " + fused + " is not supported");
        };
    }

    /** TFLite's padding.h: SAME output = ceil(in/stride), the odd padding pixel goes after. */
    static int[] samePadding(int padding, int in, int stride, int effectiveKernel) {
        if (padding != SAME) {
            return new int[] {0, 0};
        }
        int out = (in + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + effectiveKernel - in, 0);
        return new int[] {total / 2, total - total / 2};
    }

    private NDArray constant(int tensor, String role) {
        NDArray value = constants[tensor];
        if (value == null) {
            throw new UnsupportedModelException("the " + role + " of an operator is not a constant");
        }
        return value;
    }
}
