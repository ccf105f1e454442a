package dev.mensura.fitting.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The GLB's binary chunk with its bufferViews and accessors: one bufferView per accessor, each
 * starting on a 4-byte boundary, so every accessor is aligned to its component size as glTF requires
 * without per-accessor offsets.
 */
final class GlbBuffer {
    static final int ARRAY_BUFFER = 34962;
    static final int ELEMENT_ARRAY_BUFFER = 34963;
    static final int UNSIGNED_BYTE = 5121;
    static final int UNSIGNED_SHORT = 5123;
    static final int UNSIGNED_INT = 5125;
    static final int FLOAT = 5126;

    private final ByteArrayOutputStream bin = new ByteArrayOutputStream();
    private final ArrayNode bufferViews = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode accessors = JsonNodeFactory.instance.arrayNode();

    /** Floats as an accessor of {@code type} (VEC3, MAT4, …); POSITION wants {@code minMax}. */
    int floats(float[] data, String type, Integer target, boolean minMax) {
        ByteBuffer bytes = little(4 * data.length);
        for (float f : data) {
            bytes.putFloat(f);
        }
        int components = components(type);
        ObjectNode accessor = accessor(bytes.array(), target, FLOAT, data.length / components, type);
        if (minMax) {
            float[] min = new float[components];
            float[] max = new float[components];
            Arrays.fill(min, Float.POSITIVE_INFINITY);
            Arrays.fill(max, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < data.length; i++) {
                min[i % components] = Math.min(min[i % components], data[i]);
                max[i % components] = Math.max(max[i % components], data[i]);
            }
            // the exact float values: validators compare them with the data bit for bit
            ArrayNode minNode = accessor.putArray("min");
            ArrayNode maxNode = accessor.putArray("max");
            for (int k = 0; k < components; k++) {
                minNode.add((double) min[k]);
                maxNode.add((double) max[k]);
            }
        }
        return accessors.size() - 1;
    }

    /** Unsigned integers stored as {@code componentType} (byte, short or int; the caller picks one that fits). */
    int unsigned(int[] data, int componentType, String type, Integer target) {
        int size = size(componentType);
        ByteBuffer bytes = little(size * data.length);
        for (int v : data) {
            switch (size) {
                case 1 -> bytes.put((byte) v);
                case 2 -> bytes.putShort((short) v);
                default -> bytes.putInt(v);
            }
        }
        accessor(bytes.array(), target, componentType, data.length / components(type), type);
        return accessors.size() - 1;
    }

    ArrayNode bufferViews() {
        return bufferViews;
    }

    ArrayNode accessors() {
        return accessors;
    }

    /** The chunk's bytes: already a multiple of 4 long, since every view is padded. */
    byte[] bytes() {
        return bin.toByteArray();
    }

    private ObjectNode accessor(byte[] data, Integer target, int componentType, int count, String type) {
        ObjectNode view = bufferViews.addObject();
        view.put("buffer", 0);
        view.put("byteOffset", bin.size());
        view.put("byteLength", data.length);
        if (target != null) {
            view.put("target", target);
        }
        bin.writeBytes(data);
        while (bin.size() % 4 != 0) {
            bin.write(0);
        }
        ObjectNode accessor = accessors.addObject();
        accessor.put("bufferView", bufferViews.size() - 1);
        accessor.put("byteOffset", 0);
        accessor.put("componentType", componentType);
        accessor.put("count", count);
        accessor.put("type", type);
        return accessor;
    }

    private static ByteBuffer little(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int components(String type) {
        return switch (type) {
            case "SCALAR" -> 1;
            case "VEC2" -> 2;
            case "VEC3" -> 3;
            case "VEC4", "MAT2" -> 4;
            case "MAT3" -> 9;
            case "MAT4" -> 16;
            default -> throw new IllegalArgumentException("accessor type " + type);
        };
    }

    private static int size(int componentType) {
        return switch (componentType) {
            case UNSIGNED_BYTE -> 1;
            case UNSIGNED_SHORT -> 2;
            case UNSIGNED_INT -> 4;
            default -> throw new IllegalArgumentException("component type " + componentType);
        };
    }
}
