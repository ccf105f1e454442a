package dev.mensura.privacy.consent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the consent API reads and writes. */
public final class ConsentViews {
    private ConsentViews() {
    }

    /** Body of {@code PUT /v1/subjects/me/consents/{purpose}}; policyVersion, when sent, must be the current one. */
    public record ConsentRequest(Boolean granted, String policyVersion) {
    }

    /** {@code erasureRequestId}: set when a revocation started the erasure of the subject's data (I4). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentState(String purpose, boolean granted, String policyVersion, Instant updatedAt,
                               UUID erasureRequestId) {
        static ConsentState of(Consent c) {
            return new ConsentState(c.purpose, c.granted, c.policyVersion, c.updatedAt, null);
        }

        ConsentState withErasure(UUID requestId) {
            return new ConsentState(purpose, granted, policyVersion, updatedAt, requestId);
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
    public record ConsentCheck(String purpose, boolean granted, String policyVersion, boolean restricted) {
    }
}
