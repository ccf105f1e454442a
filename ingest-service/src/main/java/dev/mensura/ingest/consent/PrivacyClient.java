package dev.mensura.ingest.consent;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** privacy-service's internal consent check, called with a short-lived service token. */
@RegisterRestClient(configKey = "privacy")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/internal/consents")
public interface PrivacyClient {

    @GET
    @Path("{subjectPseudonym}/{purpose}")
    @Produces(MediaType.APPLICATION_JSON)
    ConsentCheck check(@PathParam("subjectPseudonym") String subjectPseudonym, @PathParam("purpose") String purpose);

    record ConsentCheck(String purpose, boolean granted, String policyVersion, boolean restricted) {
    }
}
