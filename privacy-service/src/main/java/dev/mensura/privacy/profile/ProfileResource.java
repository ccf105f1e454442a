package dev.mensura.privacy.profile;

import dev.mensura.privacy.dsr.DsrViews;
import dev.mensura.privacy.erasure.ErasureSaga;
import dev.mensura.privacykit.pseudonym.CurrentSubject;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code /v1/subjects/me}: the subject reads (Art. 15) and rectifies (Art. 16) its profile, and
 * erases itself (Art. 17). One class, because JAX-RS matches a path to a single resource class.
 */
@Path("/v1/subjects/me")
@RolesAllowed("subject")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {
    private final ProfileService profiles;
    private final ErasureSaga erasure;
    private final CurrentSubject caller;

    public ProfileResource(ProfileService profiles, ErasureSaga erasure, CurrentSubject caller) {
        this.profiles = profiles;
        this.erasure = erasure;
        this.caller = caller;
    }

    /** Starts (or returns the pending) erasure of everything Mensura holds about the caller. */
    @DELETE
    public Uni<Response> erase() {
        return erasure.start(caller.pseudonym(), "subject-request").chain(DsrViews::of)
                .map(view -> Response.accepted(view).location(URI.create("/v1/dsr/" + view.id())).build());
    }

    @GET
    public Uni<ProfileService.ProfileView> read() {
        return profiles.read(caller.pseudonym());
    }

    /** A JSON merge patch (RFC 7396): fields sent replace, fields left out stay. */
    @PATCH
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public Uni<ProfileService.ProfileView> rectify(Profile patch) {
        return profiles.rectify(caller.pseudonym(), patch);
    }
}
