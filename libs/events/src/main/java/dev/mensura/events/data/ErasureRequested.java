package dev.mensura.events.data;

/**
 * privacy-service has destroyed the subject's key and asks every service to delete what it
 * holds about the subject. Sent again until every service has answered; handling it twice must
 * do no harm.
 *
 * @param reason a slug: {@code subject-request} (Art. 17) or {@code consent-revoked} (I4)
 */
public record ErasureRequested(String requestId, String subjectPseudonym, String reason) {
}
