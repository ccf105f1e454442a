package dev.mensura.privacy.export;

import dev.mensura.privacykit.pseudonym.CurrentSubject;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /v1/subjects/me/export}: everything Mensura holds about the caller as a zip (Art. 15
 * access, Art. 20 portability). Assembling it asks every service, so the first call answers 202
 * with the request to follow at {@code /v1/dsr/{id}}; once it has completed the same call answers
 * the zip, for as long as exports are kept. {@code ?refresh=true} asks for a new one.
 */
@Path("/v1/subjects/me/export")
@RolesAllowed("subject")
public class ExportResource {
    private final ExportDesk desk;
    private final CurrentSubject caller;

    public ExportResource(ExportDesk desk, CurrentSubject caller) {
        this.desk = desk;
        this.caller = caller;
    }

    @GET
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Uni<Response> export(@QueryParam("refresh") @DefaultValue("false") boolean refresh) {
        return desk.forSubject(caller.pseudonym(), refresh);
    }
}
