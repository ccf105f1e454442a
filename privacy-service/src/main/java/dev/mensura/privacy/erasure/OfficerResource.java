package dev.mensura.privacy.erasure;

import dev.mensura.privacykit.pseudonym.CurrentSubject;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A privacy officer acts for a data subject who asked through another channel (letter, e-mail),
 * always on a recorded request: its reference is required and goes into the audit entry with the
 * officer's pseudonym. The subject's identifier is turned into its pseudonym at once and never stored.
 */
@Path("/v1/officer")
@RolesAllowed("privacy-officer")
@Produces(MediaType.APPLICATION_JSON)
public class OfficerResource {
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final ErasureSaga saga;
    private final Pseudonymizer pseudonyms;
    private final CurrentSubject officer;

    public OfficerResource(ErasureSaga saga, Pseudonymizer pseudonyms, CurrentSubject officer) {
        this.saga = saga;
        this.pseudonyms = pseudonyms;
        this.officer = officer;
    }

    /** {@code subjectId}: the subject's identity (the JWT sub it signs in with), verified by the officer. */
    public record ErasureOrder(String subjectId, String reference) {
    }

    @POST
    @Path("erasures")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> erase(ErasureOrder order) {
        if (order == null || order.subjectId() == null || order.subjectId().isBlank()
                || order.reference() == null || !REFERENCE.matcher(order.reference()).matches()) {
            throw new ProblemException("invalid-officer-request", "Invalid request", 400,
                    "subjectId and the recorded request's reference (letters, digits, '-', '_', '.'; up to 64) are required.");
        }
        String subject = pseudonyms.pseudonym("subject", order.subjectId());
        return saga.start(subject, "officer-request")
                .call(request -> saga.recordOfficerAction(request, officer.pseudonym(), order.reference()))
                .chain(DsrViews::of)
                .map(view -> Response.accepted(view).location(URI.create("/v1/officer/dsr/" + view.id())).build());
    }

    @GET
    @Path("dsr/{id}")
    public Uni<DsrViews.DsrView> status(@PathParam("id") String id) {
        UUID requestId;
        try {
            requestId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return Panache.withSession(() -> DsrRequest.<DsrRequest>findById(requestId))
                .onItem().ifNull().failWith(OfficerResource::notFound)
                .chain(DsrViews::of);
    }

    private static ProblemException notFound() {
        return new ProblemException("dsr-not-found", "Request not found", 404, "There is no such request.");
    }
}
