package dev.mensura.privacy.keys;

import dev.mensura.edge.identity.CallerServices;
import dev.mensura.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.GeneralSecurityException;
import java.util.regex.Pattern;

/** The internal key endpoint for services, and the operator's re-wrap after a KEK rotation. */
public final class KeyResources {
    /** Pseudonyms are base64url HMAC-SHA256 tags: 43 characters, nothing else gets a key. */
    private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private KeyResources() {
    }

    public record KeysetView(String keyset) {
    }

    public record RewrapResult(int rewrapped) {
    }

    @Path("/internal/keys")
    @RolesAllowed("service")
    // The services that seal or open a subject's data; privacy itself never asks over HTTP.
    @CallerServices({"ingest-service", "vision-service", "fitting-service", "audit-service"})
    @Produces(MediaType.APPLICATION_JSON)
    public static class InternalKeyResource {
        private final SubjectKeys keys;

        public InternalKeyResource(SubjectKeys keys) {
            this.keys = keys;
        }

        /** The body is a secret: never cached anywhere on the way. */
        @GET
        @Path("{subjectPseudonym}")
        public Uni<Response> keyset(@PathParam("subjectPseudonym") String subjectPseudonym) {
            if (!PSEUDONYM.matcher(subjectPseudonym).matches()) {
                throw new ProblemException("invalid-pseudonym", "Invalid pseudonym", 400,
                        "Subjects are addressed by their pseudonym.");
            }
            return keys.keysetFor(subjectPseudonym).map(handle -> {
                try {
                    return Response.ok(new KeysetView(SubjectKeyWrapper.toJson(handle)))
                            .header("Cache-Control", "no-store").build();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("keyset cannot be serialised", e);
                }
            });
        }
    }

    @Path("/v1/admin/keys")
    @RolesAllowed("operator")
    @Produces(MediaType.APPLICATION_JSON)
    public static class KeyAdminResource {
        private final SubjectKeys keys;

        public KeyAdminResource(SubjectKeys keys) {
            this.keys = keys;
        }

        @POST
        @Path("rewrap")
        public Uni<RewrapResult> rewrap() {
            return keys.rewrapAll().map(RewrapResult::new);
        }
    }
}
