package dev.mensura.events.data;

import java.time.Instant;
import java.util.Map;

/**
 * One entry for the audit log (I7). Only pseudonyms and numbers (I6): {@code actor} is a
 * service name or a subject pseudonym, {@code resource} names things by pseudonym.
 *
 * @param details small numeric or slug facts (size, lifetime, reason); no free text from users
 */
public record AuditRecord(
        Instant time,
        String actor,
        String action,
        String resource,
        String outcome,
        String correlationId,
        Map<String, Object> details) {
}
