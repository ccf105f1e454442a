package dev.mensura.vision.tflite;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.Float16Utils;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TFLite graph executed with DJL NDArray operations on the PyTorch engine. Loading converts the
 * fp16 weights (densifying the sparse ones) and the layout once; the weights stay on the device
 * for the model's lifetime and are shared by concurrent {@link #run} calls, each of which works in
 * its own NDManager scope and frees every intermediate as soon as nothing reads it any more.
 */
public final class TorchGraph implements InferenceGraph, AutoCloseable {
    private final TfliteGraph graph;
    private final NDManager weights;
    private final NDArray[] constants;
    private final List<Step> steps = new ArrayList<>();
    private final int input;
    private final int[] inputShape;

    private record Step(Kernel kernel, int[] inputs, int output, int[] releaseAfter) {
    }

    private TorchGraph(TfliteGraph graph, NDManager weights) {
        if (graph.inputs().length != 1) {
            throw new UnsupportedModelException("expected one graph input");
        }
        this.graph = graph;
        this.weights = weights;
        this.constants = new NDArray[graph.tensors().size()];
        this.input = graph.inputs()[0];
        this.inputShape = graph.tensor(input).shape().clone();
        for (TfliteGraph.Tensor t : graph.tensors()) {
            if (t.constant() && t.type() != TfliteGraph.INT32) {
                constants[t.index()] = load(t);
            }
        }
        Kernels kernels = new Kernels(graph, constants, weights);
        int[] lastUse = lastUses();
        for (int i = 0; i < graph.operators().size(); i++) {
            TfliteGraph.Operator op = graph.operators().get(i);
            if (foldsIntoConstant(op)) {
                constants[op.outputs()[0]] = constants[op.inputs()[0]];
                continue;
            }
            int[] activations = Arrays.stream(op.inputs()).filter(t -> t >= 0 && !graph.tensor(t).constant()
                    && constants[t] == null).toArray();
            int step = i;
            int[] release = Arrays.stream(activations).distinct().filter(t -> lastUse[t] == step).toArray();
            int[] operands = Arrays.stream(op.inputs()).filter(t -> t >= 0 && constants[t] == null
                    && !graph.tensor(t).constant()).toArray();
            steps.add(new Step(kernels.prepare(op), operands, op.outputs()[0], release));
        }
    }

    public static TorchGraph load(TfliteGraph graph, Device device) {
        NDManager weights = NDManager.newBaseManager(device);
        try {
            return new TorchGraph(graph, weights);
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    /** The single input's NHWC shape, e.g. [1, 256, 256, 3]. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public List<GraphOutput> run(float[] nhwc) {
        long expected = graph.tensor(input).elementCount();
        if (nhwc.length != expected) {
            throw new IllegalArgumentException("input has " + nhwc.length + " values, the graph takes " + expected);
        }
        try (NDManager scope = weights.newSubManager()) {
            NDArray[] values = constants.clone();
            values[input] = Layout.toNchw(scope.create(nhwc, shape(inputShape)));
            for (Step step : steps) {
                NDArray[] in = new NDArray[step.inputs().length];
                for (int i = 0; i < in.length; i++) {
                    in[i] = values[step.inputs()[i]];
                }
                values[step.output()] = step.kernel().apply(in);
                for (int t : step.releaseAfter()) {
                    values[t].close();
                    values[t] = null;
                }
            }
            List<GraphOutput> outputs = new ArrayList<>();
            for (int t : graph.outputs()) {
                NDArray out = Layout.toNhwc(values[t]);
                outputs.add(new GraphOutput(graph.tensor(t).name(), graph.tensor(t).shape().clone(), out.toFloatArray()));
            }
            return outputs;
        }
    }

    /** DEQUANTIZE and DENSIFY of a constant are done once here, not per request. */
    private boolean foldsIntoConstant(TfliteGraph.Operator op) {
        return (op.code() == Builtin.DEQUANTIZE || op.code() == Builtin.DENSIFY)
                && constants[op.inputs()[0]] != null;
    }

    private NDArray load(TfliteGraph.Tensor t) {
        float[] values = switch (t.type()) {
            case TfliteGraph.FLOAT32 -> {
                float[] f = new float[(int) t.elementCount()];
                t.data().duplicate().order(t.data().order()).asFloatBuffer().get(f);
                yield f;
            }
            case TfliteGraph.FLOAT16 -> t.sparsity() == null ? Float16Utils.fromByteBuffer(t.data().duplicate()
                    .order(t.data().order())) : densify(t);
            default -> throw new UnsupportedModelException("constant " + t.name() + " has tensor type " + t.type());
        };
        if (values.length != t.elementCount()) {
            throw new UnsupportedModelException("constant " + t.name() + " holds " + values.length + " values for shape "
                    + Arrays.toString(t.shape()));
        }
        NDArray array = Layout.toNchw(weights.create(values, shape(t.shape())));
        array.attach(weights);
        return array;
    }

    /** CSR over the flattened dense prefix: row r holds values[seg[r]..seg[r+1]) at columns idx[k]. */
    private static float[] densify(TfliteGraph.Tensor t) {
        float[] stored = Float16Utils.fromByteBuffer(t.data().duplicate().order(t.data().order()));
        int[] seg = t.sparsity().segments();
        int[] idx = t.sparsity().indices();
        int columns = t.shape()[t.shape().length - 1];
        float[] dense = new float[(int) t.elementCount()];
        int rows = dense.length / columns;
        if (seg.length != rows + 1 || seg[rows] != stored.length || idx.length != stored.length) {
            throw new UnsupportedModelException("sparse constant " + t.name() + " is inconsistent");
        }
        for (int r = 0; r < rows; r++) {
            for (int k = seg[r]; k < seg[r + 1]; k++) {
                dense[r * columns + idx[k]] = stored[k];
            }
        }
        return dense;
    }

    private int[] lastUses() {
        int[] last = new int[graph.tensors().size()];
        Arrays.fill(last, -1);
        for (int i = 0; i < graph.operators().size(); i++) {
            for (int t : graph.operators().get(i).inputs()) {
                if (t >= 0) {
                    last[t] = i;
                }
            }
        }
        for (int t : graph.outputs()) {
            last[t] = Integer.MAX_VALUE;
        }
        return last;
    }

    private static Shape shape(int[] dims) {
        return new Shape(Arrays.stream(dims).asLongStream().toArray());
    }

    @Override
    public void close() {
        weights.close();
    }
}
