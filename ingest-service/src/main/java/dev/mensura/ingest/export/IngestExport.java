package dev.mensura.ingest.export;

import dev.mensura.privacykit.export.ExportCatalog;
import java.util.Map;

/** What ingest-service holds about a subject, table by table, and the part of its export that carries it. */
public final class IngestExport {
    public static final String SERVICE = "ingest-service";
    public static final String JOBS = "jobs.json";

    /** Photos are not here on purpose: they never reach a table (I1) and are gone within 300 s (I2). */
    public static final ExportCatalog CATALOG = new ExportCatalog(SERVICE, Map.of("job", JOBS), Map.of());

    private IngestExport() {
    }
}
