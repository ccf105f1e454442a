package dev.mensura.audit.checkpoint;

import dev.mensura.audit.log.LogStore;
import dev.mensura.problem.ProblemException;
import dev.mensura.tlog.VerifierKey;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;

/**
 * The two public things of the log: its latest signed checkpoint and its verifier keys. Nothing
 * else is needed to check a proof or a receipt, and neither says anything about anyone.
 */
@Path("/v1/audit")
@PermitAll
@Blocking
public class CheckpointResource {
    static final String NOTE_TYPE = "text/plain; charset=utf-8";

    private final LogStore store;
    private final SigningKeys keys;

    public CheckpointResource(LogStore store, SigningKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /** The latest checkpoint as a C2SP signed note. */
    @GET
    @Path("checkpoint")
    @Produces(NOTE_TYPE)
    public Response checkpoint() {
        var latest = store.latestCheckpoint().orElseThrow(() -> new ProblemException("no-checkpoint-yet",
                "No checkpoint yet", 503, "The log has not signed its first checkpoint yet; try again shortly."));
        return Response.ok(latest.note(), NOTE_TYPE).header("Cache-Control", "no-cache").build();
    }

    /** One verifier key per line ({@code name+hash+key}), the key signing now first. */
    @GET
    @Path("public-key")
    @Produces(NOTE_TYPE)
    public String publicKey() {
        return keys.published().stream().map(VerifierKey::toString).collect(Collectors.joining("\n", "", "\n"));
    }
}
