package dev.mensura.audit.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mensura.audit.log.LogStore;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.ExportPart;
import dev.mensura.events.data.ExportRequested;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.crypto.SubjectErasedException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * audit's answer to an export request: the log's entries about the subject (its requests and
 * consent changes, and everything about its jobs' photos) with their indexes and leaf hashes, so
 * the subject can later ask for inclusion proofs. Sealed with the subject's key for the trip.
 */
@ApplicationScoped
public class SubjectExportListener {
    private static final String SOURCE = "/mensura/audit-service";

    private final LogStore store;
    private final SubjectCrypto crypto;
    private final ObjectMapper json;
    private final MutinyEmitter<String> parts;

    public SubjectExportListener(LogStore store, SubjectCrypto crypto, ObjectMapper json,
                                 @Channel("export-completed") MutinyEmitter<String> parts) {
        this.store = store;
        this.crypto = crypto;
        this.json = json;
        this.parts = parts;
    }

    @Incoming("export-requested")
    @Blocking
    public void export(String record) throws IOException {
        ExportRequested request = EventCodec.decode(record, ExportRequested.class,
                EventTypes.SUBJECT_EXPORT_REQUESTED).data();
        String subject = request.subjectPseudonym();
        List<LogStore.StoredEntry> entries = store.entriesAbout(subject);
        ExportPart part;
        if (entries.isEmpty()) {
            part = ExportPart.nothingHeld(request.requestId(), subject, AuditExport.SERVICE);
        } else {
            ArrayNode out = json.createArrayNode();
            for (LogStore.StoredEntry e : entries) {
                out.addObject().put("index", e.index()).put("leafHash", Base64.getEncoder().encodeToString(e.leafHash()))
                        .set("entry", json.readTree(e.entry()));
            }
            try {
                part = new ExportPart(request.requestId(), subject, AuditExport.SERVICE, 0, 1, AuditExport.ENTRIES,
                        "application/json", Base64.getEncoder().encodeToString(crypto.encrypt(subject,
                                ExportPart.PLACE, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(out))));
            } catch (SubjectErasedException e) {
                part = ExportPart.nothingHeld(request.requestId(), subject, AuditExport.SERVICE);
            }
        }
        parts.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.SUBJECT_EXPORT_PART, subject, part)))
                .await().atMost(Duration.ofSeconds(10));
    }
}
