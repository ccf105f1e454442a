package dev.mensura.ingest.job;

import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The same progress stream as the SSE endpoint, over a WebSocket, for clients that prefer one. */
@WebSocket(path = "/v1/jobs/{id}/ws")
@RolesAllowed("subject")
public class JobProgressSocket {
    private final JobRepository jobs;
    private final JobProgressStream progress;
    private final Pseudonymizer pseudonyms;
    private final SecurityIdentity identity;

    public JobProgressSocket(JobRepository jobs, JobProgressStream progress, Pseudonymizer pseudonyms,
                             SecurityIdentity identity) {
        this.jobs = jobs;
        this.progress = progress;
        this.pseudonyms = pseudonyms;
        this.identity = identity;
    }

    /** Someone else's job, or none: closed with an application code, like the 404 of the HTTP API. */
    static final CloseReason NOT_FOUND = new CloseReason(4404, "job not found");

    @OnOpen
    public Multi<ProgressMessage> open(@PathParam("id") String id, WebSocketConnection connection) {
        // The JWT's sub, exactly as the HTTP endpoints read it (the principal's name may be upn).
        String subject = pseudonyms.pseudonym("subject", ((JsonWebToken) identity.getPrincipal()).getSubject());
        UUID jobId;
        try {
            jobId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return close(connection);
        }
        return jobs.findOwned(jobId, subject).onItem().transformToMulti(job -> job == null
                ? close(connection)
                : progress.follow(job.id(), subject));
    }

    private static Multi<ProgressMessage> close(WebSocketConnection connection) {
        return connection.close(NOT_FOUND).onItem().transformToMulti(done -> Multi.createFrom().empty());
    }
}
