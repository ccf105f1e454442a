package dev.mensura.privacy.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.AuditRecord;
import dev.mensura.privacy.consent.Subject;
import dev.mensura.privacy.keys.SubjectKeys;
import dev.mensura.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Reads and rectifies (Art. 16) the subject's profile, sealed with its own key (I5). */
@ApplicationScoped
public class ProfileService {
    private static final Set<String> UNITS = Set.of("metric", "imperial");
    private static final String PLACE = "mensura:v1|privacy.subject_profile|";

    private final SubjectKeys keys;
    private final ObjectMapper json;
    private final MutinyEmitter<String> audit;

    public ProfileService(SubjectKeys keys, ObjectMapper json, @Channel("audit-events") MutinyEmitter<String> audit) {
        this.keys = keys;
        this.json = json;
        this.audit = audit;
    }

    /** The profile and whether a re-fit with a new height is offered (never started by itself). */
    public record ProfileView(Profile profile, boolean refitOffered) {
    }

    public Uni<ProfileView> read(String subject) {
        return Panache.withSession(() -> SubjectProfile.<SubjectProfile>findById(subject)
                .chain(row -> row == null ? Uni.createFrom().item(Profile.EMPTY) : open(subject, row.sealedProfile)))
                .map(profile -> new ProfileView(profile, false));
    }

    public Uni<ProfileView> rectify(String subject, Profile patch) {
        validate(patch);
        return Panache.withTransaction(() -> Subject.ensure(subject)
                .chain(() -> SubjectProfile.<SubjectProfile>findById(subject))
                .chain(row -> (row == null ? Uni.createFrom().item(Profile.EMPTY) : open(subject, row.sealedProfile))
                        .chain(current -> {
                            Profile next = current.merge(patch);
                            return seal(subject, next).chain(sealed -> {
                                SubjectProfile target = row != null ? row : new SubjectProfile();
                                target.subjectPseudonym = subject;
                                target.sealedProfile = sealed;
                                target.updatedAt = Instant.now();
                                return target.persist().replaceWith(new ProfileView(next,
                                        patch.statedHeightCm() != null
                                                && !patch.statedHeightCm().equals(current.statedHeightCm())));
                            });
                        })))
                .call(view -> record(subject, patch));
    }

    private static void validate(Profile patch) {
        if (patch == null || (patch.statedHeightCm() == null && patch.preferredUnits() == null)) {
            throw invalid("Send at least one of statedHeightCm, preferredUnits.");
        }
        if (patch.statedHeightCm() != null && (patch.statedHeightCm() < 50 || patch.statedHeightCm() > 250)) {
            throw invalid("statedHeightCm must be between 50 and 250.");
        }
        if (patch.preferredUnits() != null && !UNITS.contains(patch.preferredUnits())) {
            throw invalid("preferredUnits must be metric or imperial.");
        }
    }

    private Uni<byte[]> seal(String subject, Profile profile) {
        return keys.keysetFor(subject).map(keyset -> {
            try {
                return keyset.getPrimitive(Aead.class).encrypt(json.writeValueAsBytes(profile), place(subject));
            } catch (GeneralSecurityException | JsonProcessingException e) {
                throw new IllegalStateException("profile cannot be sealed", e);
            }
        });
    }

    private Uni<Profile> open(String subject, byte[] sealed) {
        return keys.keysetFor(subject).map(keyset -> {
            try {
                return json.readValue(keyset.getPrimitive(Aead.class).decrypt(sealed, place(subject)), Profile.class);
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("profile cannot be opened", e);
            }
        });
    }

    private static byte[] place(String subject) {
        return (PLACE + subject).getBytes(StandardCharsets.UTF_8);
    }

    /** The audit names the fields that changed, never their values (I6). */
    private Uni<Void> record(String subject, Profile patch) {
        List<String> fields = new ArrayList<>();
        if (patch.statedHeightCm() != null) {
            fields.add("statedHeightCm");
        }
        if (patch.preferredUnits() != null) {
            fields.add("preferredUnits");
        }
        var entry = new AuditRecord(Instant.now(), "privacy-service", "subject.profile.rectified", "subject:" + subject,
                "success", null, Map.of("fields", fields));
        return audit.sendMessage(KafkaMessages.of(CloudEvent.of("/mensura/privacy-service", EventTypes.AUDIT_RECORDED,
                subject, entry)));
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException("invalid-profile", "Invalid profile", 400, detail);
    }
}
