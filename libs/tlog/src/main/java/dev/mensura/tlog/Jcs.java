package dev.mensura.tlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme for the values audit entries use: objects, arrays,
 * strings, booleans, null and integers. Members are sorted by their names' UTF-16 code units,
 * strings escaped as ECMAScript's {@code JSON.stringify} does, no whitespace, UTF-8.
 *
 * <p>Numbers must be integers with magnitude at most 2<sup>53</sup> - 1: for those, RFC 8785's
 * ECMAScript number serialisation is the plain decimal form. Fractions and larger numbers are
 * refused rather than risk a serialisation another implementation would not reproduce; audit
 * entries carry counts, sizes and milliseconds, all integers.
 */
public final class Jcs {
    private static final long MAX_SAFE = (1L << 53) - 1;
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Jcs() {
    }

    /** The canonical UTF-8 bytes of {@code json} (text); duplicate member names are refused. */
    public static byte[] canonicalize(String json) {
        try {
            return canonicalize(STRICT.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (or a duplicate member name)");
        }
    }

    public static byte[] canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    members.add(it.next());
                }
                // String.compareTo compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks.
                members.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(members.get(i).getKey(), out);
                    out.append(':');
                    write(members.get(i).getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> out.append(integer(node));
            default -> throw new IllegalArgumentException("unsupported JSON value: " + node.getNodeType());
        }
    }

    private static long integer(JsonNode number) {
        if (!number.isIntegralNumber()) {
            // 1.0 is the integer 1 in JSON's number model; anything with a fraction is refused.
            if (number.isFloatingPointNumber() && number.decimalValue().stripTrailingZeros().scale() <= 0) {
                return integer(com.fasterxml.jackson.databind.node.BigIntegerNode.valueOf(
                        number.decimalValue().toBigIntegerExact()));
            }
            throw new IllegalArgumentException("only integer numbers are allowed");
        }
        BigInteger value = number.bigIntegerValue();
        if (value.abs().compareTo(BigInteger.valueOf(MAX_SAFE)) > 0) {
            throw new IllegalArgumentException("integers must be within ±(2^53 - 1)");
        }
        return value.longValue();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !validPair(s, i)) {
                        throw new IllegalArgumentException("lone surrogate in a string");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
