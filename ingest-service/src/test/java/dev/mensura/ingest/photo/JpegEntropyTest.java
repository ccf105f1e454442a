package dev.mensura.ingest.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JpegEntropyTest {

    @Test
    void agreesWithAByteByByteScanAtEveryAlignment() {
        Random random = new Random(41);
        for (int round = 0; round < 20_000; round++) {
            int length = 1 + random.nextInt(80);
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                // mostly ordinary bytes, with stuffing, restart markers, fill bytes and real markers
                int kind = random.nextInt(20);
                data[i] = switch (kind) {
                    case 0 -> (byte) 0xFF;
                    case 1 -> 0x00;
                    case 2 -> (byte) (0xD0 + random.nextInt(8));
                    case 3 -> (byte) (0xC0 + random.nextInt(64));
                    default -> (byte) random.nextInt(0xFF);
                };
            }
            int from = random.nextInt(length);
            assertThat(JpegEntropy.nextMarker(data, from, length))
                    .as("round %d", round)
                    .isEqualTo(naive(data, from, length));
        }
    }

    @Test
    void findsTheMarkerAfterStuffingRestartsAndFill() {
        byte[] data = {1, 2, (byte) 0xFF, 0, 3, (byte) 0xFF, (byte) 0xD5, 4, 5, 6, 7, 8, 9,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xD9};
        assertThat(JpegEntropy.nextMarker(data, 0, data.length)).isEqualTo(14);
        assertThat(JpegEntropy.nextMarker(data, 0, 15)).isEqualTo(-1);
    }

    private static int naive(byte[] data, int from, int end) {
        int i = from;
        while (i < end - 1) {
            if ((data[i] & 0xFF) != 0xFF) {
                i++;
                continue;
            }
            int next = data[i + 1] & 0xFF;
            if (next == 0 || (next >= 0xD0 && next <= 0xD7)) {
                i += 2;
            } else if (next == 0xFF) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }
}
