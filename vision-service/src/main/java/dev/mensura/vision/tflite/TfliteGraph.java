package dev.mensura.vision.tflite;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The first subgraph of a TFLite model as plain values: tensors (with their constant bytes when
 * they have any) and operators in execution order. Only what Mensura's executor reads.
 */
public record TfliteGraph(List<Tensor> tensors, List<Operator> operators, int[] inputs, int[] outputs) {

    /** TFLite TensorType values that occur in the MediaPipe graphs. */
    public static final int FLOAT32 = 0;
    public static final int FLOAT16 = 1;
    public static final int INT32 = 2;

    /**
     * @param data the constant's bytes (little-endian), or null for a tensor computed at run time
     * @param sparsity how a sparse constant's values are laid out, or null when dense
     */
    public record Tensor(int index, String name, int type, int[] shape, ByteBuffer data, SparseCsr sparsity) {
        public boolean constant() {
            return data != null;
        }

        public long elementCount() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }

        /** An INT32 constant's values (shapes, paddings, sizes). */
        public int[] ints() {
            if (type != INT32 || data == null) {
                throw new UnsupportedModelException("tensor " + name + " is not an INT32 constant");
            }
            int[] values = new int[data.remaining() / 4];
            data.duplicate().order(data.order()).asIntBuffer().get(values);
            return values;
        }
    }

    /**
     * A constant stored in TFLite's sparse format for the one layout these models use: every
     * dimension dense but the last, which is CSR over the flattened dense prefix.
     */
    public record SparseCsr(int[] segments, int[] indices) {
    }

    /** @param code effective builtin operator code; {@code options} null when the op has none */
    public record Operator(int code, int[] inputs, int[] outputs, Options options) {
    }

    /** An op's options table, read by slot id with the schema default when a slot is absent. */
    public static final class Options {
        private final FbTable table;

        Options(FbTable table) {
            this.table = table;
        }

        public int intAt(int slot, int defaultValue) {
            return table.intAt(slot, defaultValue);
        }

        public int byteAt(int slot, int defaultValue) {
            return table.byteAt(slot, defaultValue);
        }

        public boolean boolAt(int slot, boolean defaultValue) {
            return table.boolAt(slot, defaultValue);
        }

        public int[] intsAt(int slot) {
            return table.intsAt(slot);
        }
    }

    public Tensor tensor(int index) {
        return tensors.get(index);
    }
}
