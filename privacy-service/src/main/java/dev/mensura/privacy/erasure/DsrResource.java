package dev.mensura.privacy.erasure;

import dev.mensura.privacykit.pseudonym.CurrentSubject;
import dev.mensura.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Erasure on request (Art. 17) and the status of a subject's own requests. */
@Path("/v1")
@RolesAllowed("subject")
@Produces(MediaType.APPLICATION_JSON)
public class DsrResource {
    private final ErasureSaga saga;
    private final CurrentSubject caller;

    public DsrResource(ErasureSaga saga, CurrentSubject caller) {
        this.saga = saga;
        this.caller = caller;
    }

    public record StepView(String service, String status, Long itemsDeleted, Instant answeredAt) {
    }

    public record DsrView(UUID id, String type, String reason, String status, Instant requestedAt, Instant completedAt,
                          List<StepView> services) {
    }

    /** Starts (or returns the pending) erasure of everything Mensura holds about the caller. */
    @DELETE
    @Path("subjects/me")
    public Uni<Response> eraseMe() {
        return saga.start(me(), "subject-request").chain(this::view)
                .map(view -> Response.accepted(view).location(URI.create("/v1/dsr/" + view.id())).build());
    }

    @GET
    @Path("dsr/{id}")
    @WithSession
    public Uni<DsrView> status(@PathParam("id") String id) {
        UUID requestId;
        try {
            requestId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return DsrRequest.<DsrRequest>find("id = ?1 and subjectPseudonym = ?2", requestId, me()).firstResult()
                .onItem().ifNull().failWith(DsrResource::notFound)
                .chain(this::view);
    }

    @WithSession
    Uni<DsrView> view(DsrRequest request) {
        return DsrStep.<DsrStep>list("key.requestId = ?1 order by key.service", request.id)
                .map(steps -> new DsrView(request.id, request.type, request.reason, request.status, request.requestedAt,
                        request.completedAt, steps.stream().map(s -> new StepView(s.key.service(), s.status,
                                s.itemsDeleted, s.answeredAt)).toList()));
    }

    private String me() {
        return caller.pseudonym();
    }

    private static ProblemException notFound() {
        return new ProblemException("dsr-not-found", "Request not found", 404, "There is no such request of yours.");
    }
}
