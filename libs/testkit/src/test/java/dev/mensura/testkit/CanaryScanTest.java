package dev.mensura.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanaryScanTest {

    @TempDir
    Path dir;

    @Test
    void findsEachOfManyCanariesAnywhereInAFileAndNothingElse() throws Exception {
        Random random = new Random(7);
        List<byte[]> canaries = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] c = new byte[32];
            random.nextBytes(c);
            canaries.add(c);
        }
        byte[] noise = new byte[3 * 1024 * 1024];
        random.nextBytes(noise);
        Path clean = Files.write(dir.resolve("clean.bin"), noise);
        // across the scanner's chunk boundary (1 MiB) and at the very end
        byte[] dirty = noise.clone();
        System.arraycopy(canaries.get(299), 0, dirty, (1 << 20) - 10, 32);
        Path straddling = Files.write(dir.resolve("straddling.bin"), dirty);
        byte[] tail = noise.clone();
        System.arraycopy(canaries.get(0), 0, tail, tail.length - 32, 32);
        Path atEnd = Files.write(dir.resolve("at-end.bin"), tail);

        assertThat(CanaryScan.filesContainingAnyBytes(List.of(dir), Instant.EPOCH, canaries))
                .containsExactlyInAnyOrder(straddling, atEnd).doesNotContain(clean);
        assertThat(CanaryScan.containsAnyBytes(dirty, canaries)).isTrue();
        assertThat(CanaryScan.containsAnyBytes(noise, canaries)).isFalse();
    }

    @Test
    void textCanariesAsBefore() throws Exception {
        Path log = Files.writeString(dir.resolve("service.log"), "... CANARYABCDEF ...", StandardCharsets.UTF_8);
        assertThat(CanaryScan.filesContaining(dir, "CANARYABCDEF")).containsExactly(log);
        assertThat(CanaryScan.filesContaining(dir, "CANARYXYZ")).isEmpty();
    }
}
