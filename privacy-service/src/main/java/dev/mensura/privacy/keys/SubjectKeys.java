package dev.mensura.privacy.keys;

import com.google.crypto.tink.KeysetHandle;
import dev.mensura.privacy.consent.Subject;
import dev.mensura.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;

/**
 * Per-subject data keys (I5): created on first use, handed to services unwrapped, destroyed at
 * erasure (crypto-shredding), re-wrapped when the KEK rotates.
 */
@ApplicationScoped
public class SubjectKeys {
    private static final int REWRAP_BATCH = 200;

    private final KeyEncryptionKey kek;

    public SubjectKeys(KeyEncryptionKey kek) {
        this.kek = kek;
    }

    /** The subject's keyset, created if it has none yet; 410 once the subject was erased. */
    @WithTransaction
    public Uni<KeysetHandle> keysetFor(String pseudonym) {
        return ErasedSubject.<ErasedSubject>findById(pseudonym).chain(erased -> {
            if (erased != null) {
                return Uni.createFrom().failure(erasedProblem());
            }
            return SubjectKey.<SubjectKey>findById(pseudonym)
                    .chain(found -> found != null ? Uni.createFrom().item(found) : create(pseudonym))
                    .map(row -> unwrap(row));
        });
    }

    /** Crypto-shredding: the wrapped keyset row is deleted and a tombstone keeps it from coming back. */
    @WithTransaction
    public Uni<Boolean> destroy(String pseudonym) {
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into erased_subject (subject_pseudonym, erased_at) values (:p, :t) "
                        + "on conflict do nothing")
                .setParameter("p", pseudonym).setParameter("t", now).executeUpdate()
                .chain(() -> SubjectKey.delete("subjectPseudonym", pseudonym))
                .map(deleted -> deleted > 0));
    }

    /** A subject who consents again after erasure starts a new life with a new key. */
    public Uni<Long> clearTombstone(String pseudonym) {
        return ErasedSubject.delete("subjectPseudonym", pseudonym);
    }

    /** After a KEK rotation: every keyset unwrapped with its old KEK key and wrapped with the new primary. */
    public Uni<Integer> rewrapAll() {
        return rewrapFrom("", 0);
    }

    private Uni<Integer> rewrapFrom(String after, int done) {
        return rewrapBatch(after).chain(batch -> batch.isEmpty()
                ? Uni.createFrom().item(done)
                : rewrapFrom(batch.get(batch.size() - 1), done + batch.size()));
    }

    /** One transaction per batch, keyed by pseudonym order so a failure can be resumed. */
    private Uni<List<String>> rewrapBatch(String after) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> SubjectKey.<SubjectKey>find(
                        "subjectPseudonym > ?1 order by subjectPseudonym", after)
                .page(0, REWRAP_BATCH).list()
                .map(rows -> rows.stream().map(row -> {
                    try {
                        row.wrappedKeyset = SubjectKeyWrapper.rewrap(row.wrappedKeyset, kek.aead(), row.subjectPseudonym);
                        row.wrappedAt = now;
                        return row.subjectPseudonym;
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("a subject keyset could not be re-wrapped", e);
                    }
                }).toList()));
    }

    private Uni<SubjectKey> create(String pseudonym) {
        Instant now = Instant.now();
        byte[] wrapped;
        try {
            wrapped = SubjectKeyWrapper.wrap(SubjectKeyWrapper.newKeyset(), kek.aead(), pseudonym);
        } catch (GeneralSecurityException e) {
            return Uni.createFrom().failure(new IllegalStateException("subject keyset could not be wrapped", e));
        }
        // Concurrent first uses race on the primary key; "on conflict do nothing" lets one win and all read it.
        return Subject.ensure(pseudonym).chain(() -> Panache.getSession()).chain(session -> session
                .createNativeQuery("insert into subject_key (subject_pseudonym, wrapped_keyset, "
                                + "created_at, wrapped_at) values (:p, :k, :t, :t) on conflict do nothing")
                        .setParameter("p", pseudonym).setParameter("k", wrapped).setParameter("t", now).executeUpdate()
                .chain(() -> SubjectKey.<SubjectKey>findById(pseudonym)));
    }

    private KeysetHandle unwrap(SubjectKey row) {
        try {
            return SubjectKeyWrapper.unwrap(row.wrappedKeyset, kek.aead(), row.subjectPseudonym);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a subject keyset could not be unwrapped with the configured KEK", e);
        }
    }

    static ProblemException erasedProblem() {
        return new ProblemException("subject-erased", "Subject erased", 410,
                "This subject's data key was destroyed; its data can no longer be read.");
    }
}
