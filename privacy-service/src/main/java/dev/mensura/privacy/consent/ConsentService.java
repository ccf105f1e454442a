package dev.mensura.privacy.consent;

import dev.mensura.privacy.consent.ConsentViews.ConsentHistoryEntry;
import dev.mensura.privacy.consent.ConsentViews.ConsentState;
import dev.mensura.privacy.consent.ConsentViews.SubjectConsents;
import dev.mensura.privacy.keys.SubjectKeys;
import dev.mensura.privacy.restriction.Restriction;
import dev.mensura.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Grants, revokes and reads consents; every change is also appended to the history. */
@ApplicationScoped
public class ConsentService {
    private final String policyVersion;
    private final SubjectKeys keys;
    private final Clock clock;

    public ConsentService(@ConfigProperty(name = "mensura.privacy.policy-version") String policyVersion,
                          SubjectKeys keys) {
        this.policyVersion = policyVersion;
        this.keys = keys;
        this.clock = Clock.systemUTC();
    }

    public String currentPolicyVersion() {
        return policyVersion;
    }

    @WithTransaction
    public Uni<ConsentState> record(String subjectPseudonym, Purpose purpose, boolean granted, String shownPolicyVersion) {
        if (shownPolicyVersion != null && !shownPolicyVersion.equals(policyVersion)) {
            return Uni.createFrom().failure(new ProblemException("stale-policy-version",
                    "Privacy notice has changed", 409,
                    "Consent was given to an older privacy notice; show the current one (" + policyVersion + ")."));
        }
        Instant now = clock.instant();
        ConsentChange change = new ConsentChange();
        change.subjectPseudonym = subjectPseudonym;
        change.purpose = purpose.slug();
        change.granted = granted;
        change.policyVersion = policyVersion;
        change.recordedAt = now;
        Uni<?> newLife = granted ? keys.clearTombstone(subjectPseudonym) : Uni.createFrom().voidItem();
        // An upsert, so two first decisions arriving together cannot collide on the unique key.
        return Subject.ensure(subjectPseudonym)
                .chain(() -> newLife)
                .chain(() -> change.persist())
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("insert into consent (subject_pseudonym, purpose, granted, "
                                + "policy_version, updated_at) values (:s, :p, :g, :v, :t) on conflict (subject_pseudonym, purpose) "
                                + "do update set granted = excluded.granted, policy_version = excluded.policy_version, "
                                + "updated_at = excluded.updated_at")
                        .setParameter("s", subjectPseudonym).setParameter("p", purpose.slug()).setParameter("g", granted)
                        .setParameter("v", policyVersion).setParameter("t", now).executeUpdate())
                .chain(() -> Consent.findFor(subjectPseudonym, purpose))
                .map(ConsentState::of);
    }

    @WithSession
    public Uni<SubjectConsents> consentsOf(String subjectPseudonym) {
        return Consent.listFor(subjectPseudonym)
                .map(list -> list.stream().map(ConsentState::of).toList())
                .chain(states -> ConsentChange.historyOf(subjectPseudonym)
                        .map(history -> new SubjectConsents(policyVersion, states,
                                history.stream().map(ConsentHistoryEntry::of).toList())));
    }

    /**
     * Granted only if the subject's latest decision for the purpose is a grant (no consent row
     * means no); restricted when the subject has asked that processing stop (Art. 18).
     */
    @WithSession
    public Uni<ConsentViews.ConsentCheck> check(String subjectPseudonym, Purpose purpose) {
        return Restriction.<Restriction>findById(subjectPseudonym).chain(restriction -> Consent.findFor(subjectPseudonym, purpose)
                .map(c -> new ConsentViews.ConsentCheck(purpose.slug(), c != null && c.granted,
                        c == null ? null : c.policyVersion, restriction != null)));
    }
}
