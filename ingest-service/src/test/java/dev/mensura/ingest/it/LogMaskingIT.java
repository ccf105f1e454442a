package dev.mensura.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** I6 in the running service: the PII filter is installed on its log handlers. */
@QuarkusTest
class LogMaskingIT {

    @Test
    void personalDataIsMaskedBeforeItIsWritten() throws Exception {
        String marker = UUID.randomUUID().toString();
        String uploadPath = Ingest.uploadDir().resolve("some-photo-name").toString();
        Logger.getLogger("dev.mensura.ingest.test").infof("%s contact max.muster@gmail.com from 192.168.1.77 file %s",
                marker, uploadPath);

        Path log = Path.of("target/quarkus-test.log");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(log, StandardCharsets.UTF_8).contains(marker));
        String line = Files.readString(log, StandardCharsets.UTF_8).lines().filter(l -> l.contains(marker)).findFirst()
                .orElseThrow();
        assertThat(line).doesNotContain("max.muster@gmail.com").contains("m*********@gmail.com")
                .doesNotContain("192.168.1.77").contains("192.168.1.0")
                .doesNotContain(uploadPath);
    }
}
