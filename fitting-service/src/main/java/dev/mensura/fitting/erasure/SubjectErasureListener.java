package dev.mensura.fitting.erasure;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.ErasureCompleted;
import dev.mensura.events.data.ErasureRequested;
import dev.mensura.fitting.results.FitResults;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * fitting's part of an erasure (I4): the subject's results deleted and its key dropped from the
 * cache, then the answer to privacy-service. Handling a request again deletes nothing more and
 * answers again, which is harmless.
 */
@ApplicationScoped
public class SubjectErasureListener {
    static final String SERVICE = "fitting-service";
    private static final String SOURCE = "/mensura/fitting-service";

    private final FitResults results;
    private final SubjectCrypto crypto;
    private final MutinyEmitter<String> answers;

    public SubjectErasureListener(FitResults results, SubjectCrypto crypto,
                                  @Channel("erasure-completed") MutinyEmitter<String> answers) {
        this.results = results;
        this.crypto = crypto;
        this.answers = answers;
    }

    @Incoming("erasure-requested")
    @Blocking
    public void erase(String record) {
        ErasureRequested request = EventCodec.decode(record, ErasureRequested.class,
                EventTypes.SUBJECT_ERASURE_REQUESTED).data();
        String subject = request.subjectPseudonym();
        crypto.forget(subject);
        long deleted = results.deleteAllOf(subject);
        answers.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.SUBJECT_ERASURE_COMPLETED, subject,
                new ErasureCompleted(request.requestId(), subject, SERVICE, deleted))))
                .await().atMost(Duration.ofSeconds(10));
    }
}
