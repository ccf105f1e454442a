package dev.mensura.ingest.job;

import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.WebSocket;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;

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

    @OnOpen
    public Multi<ProgressMessage> open(@PathParam("id") String id) {
        String subject = pseudonyms.pseudonym("subject", identity.getPrincipal().getName());
        return jobs.findOwned(JobResource.parse(id), subject)
                .onItem().ifNull().failWith(JobResource::notFound)
                .onItem().transformToMulti(job -> progress.follow(job.id(), subject));
    }
}
