package dev.mensura.privacy.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an installation's configuration changes in the served record and notice. */
class ProcessingRecordsTest {

    @Test
    void defaultsArePlaceholdersAndThePolicyVersionIsConfigured() {
        ProcessingRecords records = new ProcessingRecords("2031-01", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(records.record().controller()).isEqualTo(ProcessingRecordLoader.load().controller());
        assertThat(records.notice().policyVersion()).isEqualTo("2031-01");
        assertThat(records.noticeMarkdown()).contains("Version 2031-01.");
        assertThat(records.art30Markdown()).contains("`2031-01`");
    }

    @Test
    void theInstallationNamesItsOwnController() {
        ProcessingRecords records = new ProcessingRecords("2026-11", Optional.of("Acme Tailoring GmbH"),
                Optional.of("privacy@acme.example"), Optional.of("none"), Optional.empty());
        assertThat(records.record().controller().dataProtectionOfficer()).isNull();
        assertThat(records.art30Markdown()).contains("| Controller | Acme Tailoring GmbH |",
                "| Contact | privacy@acme.example |").doesNotContain("Data protection officer");
        assertThat(records.noticeMarkdown()).contains("Acme Tailoring GmbH is responsible for your data.");
    }

    @Test
    void anOperatorsOwnRecordFileReplacesTheBuiltInOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("record.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ProcessingRecordLoader.RESOURCE)) {
            String own = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"transfers\": []", "\"transfers\": [\"Backups in Switzerland (adequacy decision)\"]");
            Files.writeString(file, own);
        }
        ProcessingRecords records = new ProcessingRecords("2026-11", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(file));
        assertThat(records.art30Markdown()).contains("- Backups in Switzerland (adequacy decision)");

        Files.writeString(file, "{\"controller\": {}}");
        assertThatThrownBy(() -> new ProcessingRecords("2026-11", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(file))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("controller needs a name and a contact");
    }
}
