package dev.mensura.privacy.consent;

import dev.mensura.privacy.consent.ConsentViews.ConsentRequest;
import dev.mensura.privacy.consent.ConsentViews.ConsentState;
import dev.mensura.privacy.consent.ConsentViews.SubjectConsents;
import dev.mensura.privacy.erasure.ErasureSaga;
import dev.mensura.privacykit.pseudonym.CurrentSubject;
import dev.mensura.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A subject grants, revokes and reads its own consents. */
@Path("/v1/subjects/me/consents")
@RolesAllowed("subject")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {
    @Inject
    CurrentSubject caller;
    @Inject
    ConsentService consents;
    @Inject
    ErasureSaga erasure;

    @GET
    public Uni<SubjectConsents> list() {
        return consents.consentsOf(me());
    }

    @PUT
    @Path("{purpose}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ConsentState> put(@PathParam("purpose") String purposeSlug, ConsentRequest request) {
        Purpose purpose = purpose(purposeSlug);
        if (request == null || request.granted() == null) {
            throw new ProblemException("invalid-consent-request", "Invalid consent request", 400,
                    "The body must be {\"granted\": true|false}.");
        }
        String me = me();
        Uni<ConsentState> recorded = consents.record(me, purpose, request.granted(), request.policyVersion());
        if (request.granted()) {
            return recorded;
        }
        // I4: revoked means erased, with no override.
        return recorded.chain(state -> erasure.start(me, "consent-revoked").map(r -> state.withErasure(r.id)));
    }

    private String me() {
        return caller.pseudonym();
    }

    static Purpose purpose(String slug) {
        return Purpose.fromSlug(slug).orElseThrow(() -> new ProblemException("unknown-purpose",
                "Unknown purpose", 404, "There is no consent purpose with that name."));
    }
}
