package dev.mensura.ingest.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CopyPlanTest {

    @Test
    void copiesKeptRangesAndLiteralsInOrder() {
        byte[] source = new byte[100];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) i;
        }
        CopyPlan plan = new CopyPlan();
        plan.keep(0, 10);
        plan.keep(10, 5);       // adjacent: merged
        plan.keep(40, 0);       // empty: ignored
        byte[] literal = {-1, -2};
        plan.insert(literal);
        plan.keep(50, 20);
        for (int i = 0; i < 30; i++) {
            plan.keep(80 + (i % 10), 1); // many pieces: the plan grows
        }
        literal[1] = -3;        // literals may still be filled in before the copy

        byte[] out = plan.copyFrom(source);

        assertThat(plan.length()).isEqualTo(out.length).isEqualTo(15 + 2 + 20 + 30);
        assertThat(Arrays.copyOfRange(out, 0, 15)).isEqualTo(Arrays.copyOfRange(source, 0, 15));
        assertThat(Arrays.copyOfRange(out, 15, 17)).containsExactly(-1, -3);
        assertThat(Arrays.copyOfRange(out, 17, 37)).isEqualTo(Arrays.copyOfRange(source, 50, 70));
        for (int i = 0; i < 30; i++) {
            assertThat(out[37 + i]).isEqualTo(source[80 + (i % 10)]);
        }
    }
}
