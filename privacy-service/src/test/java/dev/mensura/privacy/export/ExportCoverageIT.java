package dev.mensura.privacy.export;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mensura.privacykit.export.ExportCatalog;
import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.ExportCoverage;
import dev.mensura.testkit.MensuraInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every table privacy-service's migrations create has an export path or a reason it has none. */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "privacy"))
class ExportCoverageIT {

    @Test
    void everyTableIsExportedOrExplained() throws Exception {
        ExportCoverage.assertEveryTableAccountedFor("mensura_privacy", PrivacyExport.CATALOG);
    }

    @Test
    void aNewTableWithoutAnExportPathFailsTheCheck() throws Exception {
        String database = "privacy_coverage_probe";
        EmbeddedPostgres.get().createDatabase(database);
        try (Connection c = EmbeddedPostgres.get().connect(database)) {
            c.createStatement().execute("drop table if exists job; drop table if exists body_scan");
            c.createStatement().execute("create table job (id uuid primary key)");
            c.createStatement().execute("create table body_scan (id uuid primary key, subject_pseudonym text)");
        }
        var catalog = new ExportCatalog("probe", Map.of("job", "jobs.json"), Map.of());
        assertThatThrownBy(() -> ExportCoverage.assertEveryTableAccountedFor(database, catalog))
                .hasMessageContaining("body_scan").hasMessageContaining("no export path");
        var stale = new ExportCatalog("probe", Map.of("job", "jobs.json", "body_scan", "scans.json",
                "gone", "gone.json"), Map.of());
        assertThatThrownBy(() -> ExportCoverage.assertEveryTableAccountedFor(database, stale))
                .hasMessageContaining("gone");
    }
}
