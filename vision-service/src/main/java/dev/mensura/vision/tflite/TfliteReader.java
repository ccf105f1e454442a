package dev.mensura.vision.tflite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a TFLite flatbuffer (schema v3, identifier "TFL3") into a {@link TfliteGraph}. Slot ids
 * and defaults follow tensorflow/compiler/mlir/lite/schema/schema.fbs; see
 * docs/vision/tflite-schema-and-ops.md. Refuses what the executor could not run correctly
 * (quantised tensors, several subgraphs, custom ops) rather than guessing.
 */
public final class TfliteReader {
    // Model slots
    private static final int MODEL_OPERATOR_CODES = 1;
    private static final int MODEL_SUBGRAPHS = 2;
    private static final int MODEL_BUFFERS = 4;
    // SubGraph slots
    private static final int SUBGRAPH_TENSORS = 0;
    private static final int SUBGRAPH_INPUTS = 1;
    private static final int SUBGRAPH_OUTPUTS = 2;
    private static final int SUBGRAPH_OPERATORS = 3;
    // Tensor slots
    private static final int TENSOR_SHAPE = 0;
    private static final int TENSOR_TYPE = 1;
    private static final int TENSOR_BUFFER = 2;
    private static final int TENSOR_NAME = 3;
    private static final int TENSOR_QUANTIZATION = 4;
    private static final int TENSOR_SPARSITY = 6;
    // Buffer, Operator, OperatorCode slots
    private static final int BUFFER_DATA = 0;
    private static final int OPERATOR_OPCODE_INDEX = 0;
    private static final int OPERATOR_INPUTS = 1;
    private static final int OPERATOR_OUTPUTS = 2;
    private static final int OPERATOR_OPTIONS_TYPE = 3;
    private static final int OPERATOR_OPTIONS = 4;
    private static final int OPCODE_DEPRECATED_BUILTIN = 0;
    private static final int OPCODE_BUILTIN = 3;
    private static final int CUSTOM = 32;
    // QuantizationParameters.scale, SparsityParameters and DimensionMetadata slots
    private static final int QUANT_SCALE = 2;
    private static final int SPARSITY_TRAVERSAL_ORDER = 0;
    private static final int SPARSITY_BLOCK_MAP = 1;
    private static final int SPARSITY_DIM_METADATA = 2;
    private static final int DIM_FORMAT = 0;
    private static final int DIM_SEGMENTS_TYPE = 2;
    private static final int DIM_SEGMENTS = 3;
    private static final int DIM_INDICES_TYPE = 4;
    private static final int DIM_INDICES = 5;
    private static final int SPARSE_CSR = 1;

    private TfliteReader() {
    }

    public static TfliteGraph read(Path file) throws IOException {
        return read(ByteBuffer.wrap(Files.readAllBytes(file)));
    }

    public static TfliteGraph read(ByteBuffer file) {
        ByteBuffer bb = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (bb.remaining() < 8 || bb.get(bb.position() + 4) != 'T' || bb.get(bb.position() + 5) != 'F'
                || bb.get(bb.position() + 6) != 'L' || bb.get(bb.position() + 7) != '3') {
            throw new UnsupportedModelException("not a TFLite flatbuffer (no TFL3 identifier)");
        }
        FbTable model = FbTable.root(bb);
        if (model.vectorLength(MODEL_SUBGRAPHS) != 1) {
            throw new UnsupportedModelException("expected one subgraph, found " + model.vectorLength(MODEL_SUBGRAPHS));
        }
        int[] opcodes = operatorCodes(model);
        FbTable subgraph = model.tableIn(MODEL_SUBGRAPHS, 0);

        List<TfliteGraph.Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < subgraph.vectorLength(SUBGRAPH_TENSORS); i++) {
            tensors.add(tensor(i, subgraph.tableIn(SUBGRAPH_TENSORS, i), model));
        }
        List<TfliteGraph.Operator> operators = new ArrayList<>();
        for (int i = 0; i < subgraph.vectorLength(SUBGRAPH_OPERATORS); i++) {
            FbTable op = subgraph.tableIn(SUBGRAPH_OPERATORS, i);
            int code = opcodes[op.intAt(OPERATOR_OPCODE_INDEX, 0)];
            FbTable options = op.ubyteAt(OPERATOR_OPTIONS_TYPE, 0) == 0 ? null : op.tableAt(OPERATOR_OPTIONS);
            operators.add(new TfliteGraph.Operator(code, op.intsAt(OPERATOR_INPUTS), op.intsAt(OPERATOR_OUTPUTS),
                    options == null ? null : new TfliteGraph.Options(options)));
        }
        return new TfliteGraph(List.copyOf(tensors), List.copyOf(operators), subgraph.intsAt(SUBGRAPH_INPUTS),
                subgraph.intsAt(SUBGRAPH_OUTPUTS));
    }

    /** Effective code = max(deprecated_builtin_code, builtin_code), as TFLite's GetBuiltinCode. */
    private static int[] operatorCodes(FbTable model) {
        int[] codes = new int[model.vectorLength(MODEL_OPERATOR_CODES)];
        for (int i = 0; i < codes.length; i++) {
            FbTable code = model.tableIn(MODEL_OPERATOR_CODES, i);
            codes[i] = Math.max(code.byteAt(OPCODE_DEPRECATED_BUILTIN, 0), code.intAt(OPCODE_BUILTIN, 0));
            if (codes[i] == CUSTOM) {
                throw new UnsupportedModelException("custom operators are not supported");
            }
        }
        return codes;
    }

    private static TfliteGraph.Tensor tensor(int index, FbTable t, FbTable model) {
        String name = t.stringAt(TENSOR_NAME);
        FbTable quantization = t.tableAt(TENSOR_QUANTIZATION);
        if (quantization != null && quantization.vectorLength(QUANT_SCALE) > 0) {
            throw new UnsupportedModelException("quantised tensor " + name + " is not supported");
        }
        int bufferIndex = t.intAt(TENSOR_BUFFER, 0);
        ByteBuffer data = bufferIndex == 0 ? null : model.tableIn(MODEL_BUFFERS, bufferIndex).bytesAt(BUFFER_DATA);
        FbTable sparsity = t.tableAt(TENSOR_SPARSITY);
        return new TfliteGraph.Tensor(index, name, t.byteAt(TENSOR_TYPE, TfliteGraph.FLOAT32), t.intsAt(TENSOR_SHAPE),
                data, sparsity == null ? null : csr(name, t.intsAt(TENSOR_SHAPE), sparsity));
    }

    private static TfliteGraph.SparseCsr csr(String name, int[] shape, FbTable sparsity) {
        int[] order = sparsity.intsAt(SPARSITY_TRAVERSAL_ORDER);
        int dims = sparsity.vectorLength(SPARSITY_DIM_METADATA);
        boolean identityOrder = order.length == shape.length;
        for (int i = 0; identityOrder && i < order.length; i++) {
            identityOrder = order[i] == i;
        }
        if (!identityOrder || sparsity.vectorLength(SPARSITY_BLOCK_MAP) > 0 || dims != shape.length) {
            throw new UnsupportedModelException("sparse tensor " + name + " uses a block map or traversal order");
        }
        for (int d = 0; d < dims - 1; d++) {
            if (sparsity.tableIn(SPARSITY_DIM_METADATA, d).byteAt(DIM_FORMAT, 0) != 0) {
                throw new UnsupportedModelException("sparse tensor " + name + " is sparse before its last dimension");
            }
        }
        FbTable last = sparsity.tableIn(SPARSITY_DIM_METADATA, dims - 1);
        if (last.byteAt(DIM_FORMAT, 0) != SPARSE_CSR) {
            throw new UnsupportedModelException("sparse tensor " + name + " has no CSR last dimension");
        }
        return new TfliteGraph.SparseCsr(indexVector(last, DIM_SEGMENTS_TYPE, DIM_SEGMENTS),
                indexVector(last, DIM_INDICES_TYPE, DIM_INDICES));
    }

    /** SparseIndexVector union: 1 Int32Vector, 2 Uint16Vector, 3 Uint8Vector, each with slot 0 values. */
    private static int[] indexVector(FbTable dim, int typeSlot, int valueSlot) {
        FbTable vector = dim.tableAt(valueSlot);
        return switch (dim.ubyteAt(typeSlot, 0)) {
            case 1 -> vector.intsAt(0);
            case 2 -> vector.ushortsAt(0);
            case 3 -> vector.ubytesAt(0);
            default -> throw new UnsupportedModelException("sparse index vector of unknown type");
        };
    }
}
