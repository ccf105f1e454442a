package dev.mensura.privacy.consent;

import dev.mensura.edge.identity.CallerServices;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Services ask here before they process anything for a subject (I4). Service role only. */
@Path("/internal/consents")
@RolesAllowed("service")
@CallerServices("ingest-service")
@Produces(MediaType.APPLICATION_JSON)
public class InternalConsentResource {
    @Inject
    ConsentService consents;

    @GET
    @Path("{subjectPseudonym}/{purpose}")
    public Uni<ConsentViews.ConsentCheck> check(@PathParam("subjectPseudonym") String subjectPseudonym,
                                                @PathParam("purpose") String purpose) {
        return consents.check(subjectPseudonym, ConsentResource.purpose(purpose));
    }
}
