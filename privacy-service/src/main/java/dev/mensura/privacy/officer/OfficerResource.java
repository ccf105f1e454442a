package dev.mensura.privacy.officer;

import dev.mensura.privacy.dsr.DsrAudit;
import dev.mensura.privacy.dsr.DsrRequest;
import dev.mensura.privacy.dsr.DsrViews;
import dev.mensura.privacy.erasure.ErasureSaga;
import dev.mensura.privacy.export.ExportDesk;
import dev.mensura.privacy.export.ExportSaga;
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
import jakarta.ws.rs.QueryParam;
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

    private final ErasureSaga erasure;
    private final ExportSaga export;
    private final ExportDesk exports;
    private final DsrAudit audit;
    private final Pseudonymizer pseudonyms;
    private final CurrentSubject officer;

    public OfficerResource(ErasureSaga erasure, ExportSaga export, ExportDesk exports, DsrAudit audit,
                           Pseudonymizer pseudonyms, CurrentSubject officer) {
        this.erasure = erasure;
        this.export = export;
        this.exports = exports;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
        this.officer = officer;
    }

    /** {@code subjectId}: the subject's identity (the JWT sub it signs in with), verified by the officer. */
    public record OfficerOrder(String subjectId, String reference) {
    }

    @POST
    @Path("erasures")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> erase(OfficerOrder order) {
        String subject = subjectOf(order);
        return erasure.start(subject, "officer-request")
                .call(request -> audit.recordOfficer("subject.erasure.officer-requested", request, officer.pseudonym(),
                        order.reference()))
                .chain(DsrViews::of)
                .map(view -> Response.accepted(view).location(URI.create("/v1/officer/dsr/" + view.id())).build());
    }

    /** Starts (or returns the pending) export of a subject; download it from {@code dsr/{id}/export}. */
    @POST
    @Path("exports")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> export(OfficerOrder order) {
        String subject = subjectOf(order);
        return export.start(subject, "officer-request")
                .call(request -> audit.recordOfficer("subject.export.officer-requested", request, officer.pseudonym(),
                        order.reference()))
                .chain(request -> exports.accepted(request, "/v1/officer/dsr/"));
    }

    /** The zip of a completed export, to hand to the subject; the download is audited with the reference. */
    @GET
    @Path("dsr/{id}/export")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Uni<Response> download(@PathParam("id") String id, @QueryParam("reference") String reference) {
        requireReference(reference);
        return find(id)
                .call(request -> audit.recordOfficer("subject.export.officer-downloaded", request, officer.pseudonym(),
                        reference))
                .chain(request -> exports.download(request, "subject.export.downloaded"));
    }

    private String subjectOf(OfficerOrder order) {
        if (order == null || order.subjectId() == null || order.subjectId().isBlank()) {
            throw invalid();
        }
        requireReference(order.reference());
        return pseudonyms.pseudonym("subject", order.subjectId());
    }

    private static void requireReference(String reference) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException("invalid-officer-request", "Invalid request", 400,
                "subjectId and the recorded request's reference (letters, digits, '-', '_', '.'; up to 64) are required.");
    }

    @GET
    @Path("dsr/{id}")
    public Uni<DsrViews.DsrView> status(@PathParam("id") String id) {
        return find(id).chain(DsrViews::of);
    }

    private static Uni<DsrRequest> find(String id) {
        UUID requestId;
        try {
            requestId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return Panache.withSession(() -> DsrRequest.<DsrRequest>findById(requestId))
                .onItem().ifNull().failWith(OfficerResource::notFound);
    }

    private static ProblemException notFound() {
        return new ProblemException("dsr-not-found", "Request not found", 404, "There is no such request.");
    }
}
