package dev.mensura.privacy.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed documents under docs/privacy/ are exactly what the renderers make of the
 * configuration, so the files regulators read cannot drift from what the service serves.
 */
class RecordsDocsTest {

    @Test
    void committedDocumentsEqualTheRendering() throws IOException {
        Path root = RecordsDocsGenerator.repositoryRoot();
        Map<String, String> docs = RecordsDocsGenerator.render();
        if (Boolean.getBoolean(RecordsDocsGenerator.WRITE_PROPERTY)) {
            RecordsDocsGenerator.write(root, docs);
        }
        for (var doc : docs.entrySet()) {
            Path file = root.resolve(doc.getKey());
            String hint = doc.getKey() + " is not the rendering of processing-activities.json (or the policy version "
                    + "changed). Do not edit it by hand; regenerate from the repository root with: "
                    + RecordsDocsGenerator.REGENERATE;
            assertThat(file).as(hint).isRegularFile();
            byte[] actual = Files.readAllBytes(file);
            if (!Arrays.equals(actual, doc.getValue().getBytes(StandardCharsets.UTF_8))) {
                // Compared as text first for a readable diff; equal text with other bytes is an encoding slip.
                assertThat(new String(actual, StandardCharsets.UTF_8)).as(hint).isEqualTo(doc.getValue());
                fail(hint + " (same text, different bytes: the file must be UTF-8)");
            }
        }
    }
}
