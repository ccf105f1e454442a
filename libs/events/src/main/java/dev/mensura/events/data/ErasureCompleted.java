package dev.mensura.events.data;

/** One service's answer: it holds nothing more about the subject. {@code itemsDeleted} is a count only. */
public record ErasureCompleted(String requestId, String subjectPseudonym, String service, long itemsDeleted) {
}
