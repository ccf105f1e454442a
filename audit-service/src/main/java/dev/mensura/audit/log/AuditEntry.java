package dev.mensura.audit.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mensura.tlog.Jcs;

/**
 * An entry as the log keeps it: the validated JSON object ({@code eventId}, {@code source},
 * {@code time}, {@code actor}, {@code action}, {@code resource}, {@code outcome}, optional
 * {@code correlationId}, {@code details}) and its RFC 8785 canonical bytes, which are what is hashed.
 */
public record AuditEntry(String eventId, ObjectNode json, byte[] canonical) {

    static AuditEntry of(String eventId, ObjectNode json) {
        return new AuditEntry(eventId, json, Jcs.canonicalize(json));
    }
}
