package dev.mensura.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 8785 examples (§3.2.2, §3.2.3) and the limits this implementation sets. */
class JcsTest {

    private static String canonical(String json) {
        return new String(Jcs.canonicalize(json), StandardCharsets.UTF_8);
    }

    @Test
    void membersAreSortedByUtf16CodeUnits() {
        String input = "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\","
                + " \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\","
                + " \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void stringsAreEscapedLikeJsonStringify() {
        String input = "{\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\", \"literals\": [null, true, false]}";
        assertThat(canonical(input)).isEqualTo("{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void whitespaceAndNestingAreNormalised() {
        assertThat(canonical(" { \"b\" : [ 1 , { \"d\":2, \"c\":-3 } ], \"a\" : 0 } "))
                .isEqualTo("{\"a\":0,\"b\":[1,{\"c\":-3,\"d\":2}]}");
        assertThat(canonical("{\"n\": 1.0, \"e\": 1E3}")).isEqualTo("{\"e\":1000,\"n\":1}");
    }

    @Test
    void fractionsHugeNumbersAndDuplicateNamesAreRefused() {
        assertThatThrownBy(() -> Jcs.canonicalize("{\"x\": 0.5}")).hasMessageContaining("integer");
        assertThatThrownBy(() -> Jcs.canonicalize("{\"x\": 9007199254740992}")).hasMessageContaining("2^53");
        assertThatThrownBy(() -> Jcs.canonicalize("{\"x\": 1, \"x\": 2}")).hasMessageContaining("duplicate");
    }
}
