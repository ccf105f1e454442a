package dev.mensura.events.data;

/**
 * privacy-service asks every service for everything it holds about the subject (Art. 15 access,
 * Art. 20 portability). Sent again until every service has answered; answering twice is harmless.
 */
public record ExportRequested(String requestId, String subjectPseudonym) {
}
