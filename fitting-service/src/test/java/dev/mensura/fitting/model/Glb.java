package dev.mensura.fitting.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A GLB read back independently of the writer: the header and both chunks checked against the
 * spec's layout rules, and accessors decoded from the BIN chunk.
 */
record Glb(JsonNode json, ByteBuffer bin) {

    static Glb parse(byte[] glb) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(glb, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("glTF");
        assertThat(in.getInt(4)).as("version").isEqualTo(2);
        assertThat(in.getInt(8)).as("total length").isEqualTo(glb.length);
        int jsonLength = in.getInt(12);
        assertThat(in.getInt(16)).as("first chunk type").isEqualTo(0x4E4F534A);
        assertThat(jsonLength % 4).isZero();
        int binStart = 20 + jsonLength;
        int binLength = in.getInt(binStart);
        assertThat(in.getInt(binStart + 4)).as("second chunk type").isEqualTo(0x004E4942);
        assertThat(binLength % 4).isZero();
        assertThat(binStart + 8 + binLength).as("chunks fill the file").isEqualTo(glb.length);
        JsonNode json = new ObjectMapper().readTree(Arrays.copyOfRange(glb, 20, binStart));
        ByteBuffer bin = ByteBuffer.wrap(Arrays.copyOfRange(glb, binStart + 8, binStart + 8 + binLength))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(json.at("/buffers/0/byteLength").asInt()).isLessThanOrEqualTo(binLength);
        return new Glb(json, bin);
    }

    JsonNode accessor(int index) {
        return json.path("accessors").get(index);
    }

    JsonNode attribute(String name) {
        return accessor(json.at("/meshes/0/primitives/0/attributes/" + name).asInt());
    }

    /** The accessor's components as doubles (floats, or unsigned integers of any width). */
    double[] read(JsonNode accessor) {
        JsonNode view = json.path("bufferViews").get(accessor.path("bufferView").asInt());
        int offset = view.path("byteOffset").asInt() + accessor.path("byteOffset").asInt();
        int componentType = accessor.path("componentType").asInt();
        int size = switch (componentType) {
            case 5121 -> 1;
            case 5123 -> 2;
            default -> 4;
        };
        assertThat(offset % size).as("accessor aligned to its component size").isZero();
        int components = switch (accessor.path("type").asText()) {
            case "SCALAR" -> 1;
            case "VEC3" -> 3;
            case "VEC4" -> 4;
            case "MAT4" -> 16;
            default -> throw new IllegalArgumentException(accessor.path("type").asText());
        };
        double[] values = new double[accessor.path("count").asInt() * components];
        assertThat(values.length * size).isLessThanOrEqualTo(view.path("byteLength").asInt());
        for (int i = 0; i < values.length; i++) {
            int at = offset + i * size;
            values[i] = switch (componentType) {
                case 5121 -> Byte.toUnsignedInt(bin.get(at));
                case 5123 -> Short.toUnsignedInt(bin.getShort(at));
                case 5125 -> Integer.toUnsignedLong(bin.getInt(at));
                case 5126 -> bin.getFloat(at);
                default -> throw new IllegalArgumentException("component type " + componentType);
            };
        }
        return values;
    }
}
