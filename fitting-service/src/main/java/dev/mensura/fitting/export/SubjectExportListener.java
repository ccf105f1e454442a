package dev.mensura.fitting.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.ExportPart;
import dev.mensura.events.data.ExportRequested;
import dev.mensura.fitting.results.FitResults;
import dev.mensura.fitting.results.Places;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.crypto.SubjectErasedException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * fitting's answer to an export request (Art. 15, 20): every result's measurements in one JSON
 * part, and each result's body model as a .glb part, all sealed with the subject's key for the
 * trip over Kafka (I5).
 */
@ApplicationScoped
public class SubjectExportListener {
    private static final String SOURCE = "/mensura/fitting-service";

    private final FitResults results;
    private final SubjectCrypto crypto;
    private final ObjectMapper json;
    private final MutinyEmitter<String> parts;

    public SubjectExportListener(FitResults results, SubjectCrypto crypto, ObjectMapper json,
                                 @Channel("export-completed") MutinyEmitter<String> parts) {
        this.results = results;
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
        List<ExportPart> answer = new ArrayList<>();
        try {
            List<FitResults.Row> rows = results.allOf(subject);
            if (rows.isEmpty()) {
                answer.add(ExportPart.nothingHeld(request.requestId(), subject, FittingExport.SERVICE));
            } else {
                int count = 1 + rows.size();
                List<Object> measurements = new ArrayList<>();
                for (FitResults.Row row : rows) {
                    measurements.add(json.readTree(crypto.decrypt(subject, Places.MEASUREMENTS,
                            row.measurementsSealed())));
                }
                answer.add(part(request, 0, count, FittingExport.MEASUREMENTS, "application/json",
                        json.writerWithDefaultPrettyPrinter().writeValueAsBytes(measurements)));
                for (int i = 0; i < rows.size(); i++) {
                    FitResults.Row row = rows.get(i);
                    answer.add(part(request, 1 + i, count, "model-" + row.jobId() + ".glb", "model/gltf-binary",
                            crypto.decrypt(subject, Places.GLB, row.glbSealed())));
                }
            }
        } catch (SubjectErasedException e) {
            answer = List.of(ExportPart.nothingHeld(request.requestId(), subject, FittingExport.SERVICE));
        }
        for (ExportPart part : answer) {
            parts.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.SUBJECT_EXPORT_PART, subject, part)))
                    .await().atMost(Duration.ofSeconds(10));
        }
    }

    private ExportPart part(ExportRequested request, int index, int count, String name, String type, byte[] content) {
        String subject = request.subjectPseudonym();
        return new ExportPart(request.requestId(), subject, FittingExport.SERVICE, index, count, name, type,
                Base64.getEncoder().encodeToString(crypto.encrypt(subject, ExportPart.PLACE, content)));
    }
}
