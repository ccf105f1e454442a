package dev.mensura.vision.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes small TFLite models (one subgraph, a few ops) with the FlatBuffers builder, so a single
 * op can be run on random inputs by both the executor and TFLite's interpreter. Fields equal to
 * their schema default are left out, as TFLite's converter does, so the reader's defaults are
 * exercised too.
 */
final class TinyModel {
    private record TensorSpec(String name, int type, int[] shape, byte[] data) {
    }

    private record Field(int slot, char kind, int value) {
    }

    private record OpSpec(int code, int[] inputs, int[] outputs, int optionsType, List<Field> options) {
    }

    private final List<TensorSpec> tensors = new ArrayList<>();
    private final List<OpSpec> ops = new ArrayList<>();
    private final List<Integer> codes = new ArrayList<>();

    int activation(String name, int... shape) {
        tensors.add(new TensorSpec(name, TfliteGraph.FLOAT32, shape, null));
        return tensors.size() - 1;
    }

    int ints(String name, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        tensors.add(new TensorSpec(name, TfliteGraph.INT32, new int[] {values.length}, b.array()));
        return tensors.size() - 1;
    }

    int ints2d(String name, int rows, int... values) {
        int index = ints(name, values);
        TensorSpec t = tensors.get(index);
        tensors.set(index, new TensorSpec(name, t.type(), new int[] {rows, values.length / rows}, t.data()));
        return index;
    }

    /** A float weight stored as fp16 and turned into float by a DEQUANTIZE op, as in MediaPipe's files. */
    int halfWeight(String name, Random random, int... shape) {
        int count = 1;
        for (int d : shape) {
            count *= d;
        }
        ByteBuffer b = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            b.putShort(ai.djl.util.Float16Utils.floatToHalf((float) random.nextGaussian() * 0.5f));
        }
        tensors.add(new TensorSpec(name + "_fp16", TfliteGraph.FLOAT16, shape, b.array()));
        int half = tensors.size() - 1;
        int dense = activation(name, shape);
        op(Builtin.DEQUANTIZE, new int[] {half}, new int[] {dense}, 0);
        return dense;
    }

    /** Adds an op; {@code fields} are triples (slot, kind 'b'|'i'|'z', value). */
    TinyModel op(int code, int[] inputs, int[] outputs, int optionsType, Object... fields) {
        List<Field> options = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 3) {
            options.add(new Field((Integer) fields[i], (Character) fields[i + 1], (Integer) fields[i + 2]));
        }
        if (!codes.contains(code)) {
            codes.add(code);
        }
        ops.add(new OpSpec(code, inputs, outputs, optionsType, options));
        return this;
    }

    ByteBuffer build(int input, int... outputs) {
        FlatBufferBuilder fb = new FlatBufferBuilder(4096);
        // buffer 0 is the empty sentinel; each constant gets its own
        List<Integer> buffers = new ArrayList<>();
        fb.startTable(1);
        buffers.add(fb.endTable());
        int[] tensorOffsets = new int[tensors.size()];
        for (int i = 0; i < tensors.size(); i++) {
            TensorSpec t = tensors.get(i);
            int bufferIndex = 0;
            if (t.data() != null) {
                fb.startVector(1, t.data().length, 16);
                for (int k = t.data().length - 1; k >= 0; k--) {
                    fb.addByte(t.data()[k]);
                }
                int data = fb.endVector();
                fb.startTable(1);
                fb.addOffset(0, data, 0);
                buffers.add(fb.endTable());
                bufferIndex = buffers.size() - 1;
            }
            int name = fb.createString(t.name());
            int shape = intVector(fb, t.shape());
            fb.startTable(7);
            fb.addOffset(0, shape, 0);
            fb.addByte(1, (byte) t.type(), 0);
            fb.addInt(2, bufferIndex, 0);
            fb.addOffset(3, name, 0);
            tensorOffsets[i] = fb.endTable();
        }
        int[] opOffsets = new int[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            OpSpec op = ops.get(i);
            int in = intVector(fb, op.inputs());
            int out = intVector(fb, op.outputs());
            int options = 0;
            if (op.optionsType() != 0) {
                fb.startTable(8);
                for (Field f : op.options()) {
                    switch (f.kind()) {
                        case 'b' -> fb.addByte(f.slot(), (byte) f.value(), 0);
                        case 'z' -> fb.addBoolean(f.slot(), f.value() != 0, false);
                        default -> fb.addInt(f.slot(), f.value(), Integer.MIN_VALUE);
                    }
                }
                options = fb.endTable();
            }
            fb.startTable(5);
            fb.addInt(0, codes.indexOf(op.code()), 0);
            fb.addOffset(1, in, 0);
            fb.addOffset(2, out, 0);
            if (options != 0) {
                fb.addByte(3, (byte) op.optionsType(), 0);
                fb.addOffset(4, options, 0);
            }
            opOffsets[i] = fb.endTable();
        }
        int tensorVector = fb.createVectorOfTables(tensorOffsets);
        int opVector = fb.createVectorOfTables(opOffsets);
        int inputs = intVector(fb, new int[] {input});
        int outs = intVector(fb, outputs);
        fb.startTable(5);
        fb.addOffset(0, tensorVector, 0);
        fb.addOffset(1, inputs, 0);
        fb.addOffset(2, outs, 0);
        fb.addOffset(3, opVector, 0);
        int subgraph = fb.endTable();
        int[] codeOffsets = new int[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            int code = codes.get(i);
            fb.startTable(4);
            fb.addByte(0, (byte) Math.min(code, 127), 0);
            fb.addInt(3, code, 0);
            codeOffsets[i] = fb.endTable();
        }
        int codeVector = fb.createVectorOfTables(codeOffsets);
        int subgraphs = fb.createVectorOfTables(new int[] {subgraph});
        int bufferVector = fb.createVectorOfTables(buffers.stream().mapToInt(Integer::intValue).toArray());
        fb.startTable(5);
        fb.addInt(0, 3, 0);
        fb.addOffset(1, codeVector, 0);
        fb.addOffset(2, subgraphs, 0);
        fb.addOffset(4, bufferVector, 0);
        fb.finish(fb.endTable(), "TFL3");
        return fb.dataBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int intVector(FlatBufferBuilder fb, int[] values) {
        fb.startVector(4, values.length, 4);
        for (int i = values.length - 1; i >= 0; i--) {
            fb.addInt(values[i]);
        }
        return fb.endVector();
    }
}
