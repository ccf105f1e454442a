package dev.mensura.ingest.handover;

import dev.mensura.edge.identity.CallerServices;
import dev.mensura.ingest.destruction.DestructionReason;
import dev.mensura.ingest.destruction.PhotoDestroyer;
import dev.mensura.ingest.storage.PhotoVault;
import dev.mensura.privacykit.destruction.SecureDestruction;
import dev.mensura.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;

/**
 * The only response that ever carries photo bytes (I1): vision fetches a photo once with its
 * hand-over token, from the pod that holds it (the event carries that pod's address). Spent,
 * expired, unknown or already destroyed all answer 410 alike.
 */
@Path("/internal/photos")
@RolesAllowed("service")
@CallerServices("vision-service")
public class PhotoHandoverResource {
    private final HandoverTokens tokens;
    private final PhotoVault vault;
    private final PhotoDestroyer destroyer;

    public PhotoHandoverResource(HandoverTokens tokens, PhotoVault vault, PhotoDestroyer destroyer) {
        this.tokens = tokens;
        this.vault = vault;
        this.destroyer = destroyer;
    }

    @GET
    @Path("{token}")
    @Blocking
    public Response fetch(@PathParam("token") String token) throws IOException {
        var handover = tokens.redeem(token).orElseThrow(PhotoHandoverResource::gone);
        // The file is wiped before a byte is sent: after its one hand-over the photo exists only
        // in this response's buffer, which is zeroed once written.
        PhotoVault.CheckedOut photo;
        try {
            photo = vault.checkOut(handover.photoId()).orElseThrow(PhotoHandoverResource::gone);
        } catch (IOException e) {
            throw gone();
        }
        destroyer.destroyed(photo.wiped(), DestructionReason.HANDED_OVER);
        byte[] bytes = photo.bytes();
        StreamingOutput body = out -> {
            try {
                out.write(bytes);
            } finally {
                SecureDestruction.zero(bytes);
            }
        };
        return Response.ok(body, handover.mediaType())
                .header("Cache-Control", "no-store")
                .header("Content-Length", bytes.length)
                .build();
    }

    private static ProblemException gone() {
        return new ProblemException("photo-gone", "Photo no longer available", 410,
                "The hand-over token was already used, has expired, or the photo has been destroyed.");
    }
}
