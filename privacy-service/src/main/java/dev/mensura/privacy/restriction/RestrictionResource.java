package dev.mensura.privacy.restriction;

import dev.mensura.privacykit.pseudonym.CurrentSubject;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A subject restricts processing of its data (Art. 18) and, explicitly, lifts it again. */
@Path("/v1/subjects/me/restriction")
@RolesAllowed("subject")
@Produces(MediaType.APPLICATION_JSON)
public class RestrictionResource {
    private final RestrictionService restrictions;
    private final CurrentSubject caller;

    public RestrictionResource(RestrictionService restrictions, CurrentSubject caller) {
        this.restrictions = restrictions;
        this.caller = caller;
    }

    @POST
    public Uni<RestrictionService.RestrictionView> restrict() {
        return restrictions.restrict(me());
    }

    @DELETE
    public Uni<RestrictionService.RestrictionView> lift() {
        return restrictions.lift(me());
    }

    @GET
    public Uni<RestrictionService.RestrictionView> status() {
        return restrictions.status(me());
    }

    private String me() {
        return caller.pseudonym();
    }
}
