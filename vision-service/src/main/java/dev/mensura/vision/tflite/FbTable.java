package dev.mensura.vision.tflite;

import com.google.flatbuffers.Table;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A FlatBuffers table read by slot id, the way flatc's generated accessors read it: slot {@code id}
 * sits at vtable byte {@code 4 + 2*id}, a missing slot means the schema default. The TFLite
 * schema's slot ids are listed in docs/vision/tflite-schema-and-ops.md.
 */
class FbTable extends Table {

    static FbTable at(int position, ByteBuffer buffer) {
        FbTable table = new FbTable();
        table.__reset(position, buffer);
        return table;
    }

    static FbTable root(ByteBuffer buffer) {
        ByteBuffer bb = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return at(bb.getInt(bb.position()) + bb.position(), bb);
    }

    private int field(int slot) {
        return __offset(4 + 2 * slot);
    }

    boolean has(int slot) {
        return field(slot) != 0;
    }

    int intAt(int slot, int defaultValue) {
        int o = field(slot);
        return o == 0 ? defaultValue : bb.getInt(bb_pos + o);
    }

    int byteAt(int slot, int defaultValue) {
        int o = field(slot);
        return o == 0 ? defaultValue : bb.get(bb_pos + o);
    }

    int ubyteAt(int slot, int defaultValue) {
        int o = field(slot);
        return o == 0 ? defaultValue : Byte.toUnsignedInt(bb.get(bb_pos + o));
    }

    boolean boolAt(int slot, boolean defaultValue) {
        int o = field(slot);
        return o == 0 ? defaultValue : bb.get(bb_pos + o) != 0;
    }

    String stringAt(int slot) {
        int o = field(slot);
        return o == 0 ? null : __string(bb_pos + o);
    }

    FbTable tableAt(int slot) {
        int o = field(slot);
        return o == 0 ? null : at(__indirect(bb_pos + o), bb);
    }

    int vectorLength(int slot) {
        int o = field(slot);
        return o == 0 ? 0 : __vector_len(o);
    }

    FbTable tableIn(int slot, int index) {
        int element = __vector(field(slot)) + index * 4;
        return at(__indirect(element), bb);
    }

    /** A vector of int (or absent, as an empty array). */
    int[] intsAt(int slot) {
        int o = field(slot);
        if (o == 0) {
            return new int[0];
        }
        int start = __vector(o);
        int[] values = new int[__vector_len(o)];
        for (int i = 0; i < values.length; i++) {
            values[i] = bb.getInt(start + 4 * i);
        }
        return values;
    }

    /** A vector of ushort, widened. */
    int[] ushortsAt(int slot) {
        int o = field(slot);
        if (o == 0) {
            return new int[0];
        }
        int start = __vector(o);
        int[] values = new int[__vector_len(o)];
        for (int i = 0; i < values.length; i++) {
            values[i] = Short.toUnsignedInt(bb.getShort(start + 2 * i));
        }
        return values;
    }

    /** A vector of ubyte, widened. */
    int[] ubytesAt(int slot) {
        int o = field(slot);
        if (o == 0) {
            return new int[0];
        }
        int start = __vector(o);
        int[] values = new int[__vector_len(o)];
        for (int i = 0; i < values.length; i++) {
            values[i] = Byte.toUnsignedInt(bb.get(start + i));
        }
        return values;
    }

    /** The bytes of a [ubyte] vector as a little-endian view, without copying; null when absent or empty. */
    ByteBuffer bytesAt(int slot) {
        int o = field(slot);
        if (o == 0 || __vector_len(o) == 0) {
            return null;
        }
        int start = __vector(o);
        return bb.duplicate().position(start).limit(start + __vector_len(o)).slice().order(ByteOrder.LITTLE_ENDIAN);
    }
}
