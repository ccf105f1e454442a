package dev.mensura.audit.export;

import dev.mensura.privacykit.export.ExportCatalog;
import java.util.Map;

/** What of the audit log goes into a subject's export. */
public final class AuditExport {
    public static final String SERVICE = "audit-service";
    public static final String ENTRIES = "audit-entries.json";

    public static final ExportCatalog CATALOG = new ExportCatalog(SERVICE,
            Map.of("log_entry", ENTRIES),
            Map.of("checkpoint", "signed tree heads: a size and a hash, about no one"));

    private AuditExport() {
    }
}
