package dev.mensura.privacy.export;

import dev.mensura.privacykit.export.ExportCatalog;
import java.util.Map;

/** What privacy-service itself holds about a subject, table by table, and the part that carries it. */
public final class PrivacyExport {
    public static final String SERVICE = "privacy-service";
    public static final String SUBJECT = "subject.json";
    public static final String CONSENTS = "consents.json";
    public static final String PROFILE = "profile.json";
    public static final String RESTRICTION = "restriction.json";
    public static final String REQUESTS = "requests.json";

    public static final ExportCatalog CATALOG = new ExportCatalog(SERVICE,
            Map.of("subject", SUBJECT,
                    "consent", CONSENTS,
                    "consent_change", CONSENTS,
                    "subject_profile", PROFILE,
                    "restriction", RESTRICTION,
                    "dsr_request", REQUESTS,
                    "dsr_step", REQUESTS),
            Map.of("subject_key", "the subject's data key is a safeguard, not data about the subject; handing it "
                            + "out would let copies outlive crypto-shredding",
                    "erased_subject", "tombstones of erased subjects, who have nothing left to export",
                    "export_part", "the parts of exports themselves, delivered inside the zip"));

    private PrivacyExport() {
    }
}
