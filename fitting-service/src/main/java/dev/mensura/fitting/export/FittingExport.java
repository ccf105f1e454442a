package dev.mensura.fitting.export;

import dev.mensura.privacykit.export.ExportCatalog;
import java.util.Map;

/** What fitting-service holds about a subject, and the part of its export that carries it. */
public final class FittingExport {
    public static final String SERVICE = "fitting-service";
    public static final String MEASUREMENTS = "measurements.json";

    /** Each result's body models travel as their own parts: model-<job>.glb. */
    public static final ExportCatalog CATALOG = new ExportCatalog(SERVICE, Map.of("fit_result", MEASUREMENTS),
            Map.of());

    private FittingExport() {
    }
}
