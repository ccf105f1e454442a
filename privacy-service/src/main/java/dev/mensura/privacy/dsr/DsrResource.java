package dev.mensura.privacy.dsr;

import dev.mensura.privacykit.pseudonym.CurrentSubject;
import dev.mensura.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * The status of a subject's own requests. (Erasure itself is {@code DELETE /v1/subjects/me},
 * served with the other methods of that path by the profile resource.)
 */
@Path("/v1/dsr")
@RolesAllowed("subject")
@Produces(MediaType.APPLICATION_JSON)
public class DsrResource {
    private final CurrentSubject caller;

    public DsrResource(CurrentSubject caller) {
        this.caller = caller;
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<DsrViews.DsrView> status(@PathParam("id") String id) {
        UUID requestId;
        try {
            requestId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return DsrRequest.<DsrRequest>find("id = ?1 and subjectPseudonym = ?2", requestId, caller.pseudonym())
                .firstResult()
                .onItem().ifNull().failWith(DsrResource::notFound)
                .chain(DsrViews::of);
    }

    private static ProblemException notFound() {
        return new ProblemException("dsr-not-found", "Request not found", 404, "There is no such request of yours.");
    }
}
