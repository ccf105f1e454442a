package dev.mensura.privacy.consent;

import java.time.Instant;
import java.util.List;

/** What the consent API reads and writes. */
public final class ConsentViews {
    private ConsentViews() {
    }

    /** Body of {@code PUT /v1/subjects/me/consents/{purpose}}; policyVersion, when sent, must be the current one. */
    public record ConsentRequest(Boolean granted, String policyVersion) {
    }

    public record ConsentState(String purpose, boolean granted, String policyVersion, Instant updatedAt) {
        static ConsentState of(Consent c) {
            return new ConsentState(c.purpose, c.granted, c.policyVersion, c.updatedAt);
        }
    }

    public record ConsentHistoryEntry(String purpose, boolean granted, String policyVersion, Instant recordedAt) {
        static ConsentHistoryEntry of(ConsentChange c) {
            return new ConsentHistoryEntry(c.purpose, c.granted, c.policyVersion, c.recordedAt);
        }
    }

    public record SubjectConsents(String currentPolicyVersion, List<ConsentState> consents,
                                  List<ConsentHistoryEntry> history) {
    }

    /** Answer of the internal check: only what the caller needs to decide. */
    public record ConsentCheck(String purpose, boolean granted, String policyVersion) {
    }
}
