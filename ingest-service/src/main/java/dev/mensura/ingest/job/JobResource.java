package dev.mensura.ingest.job;

import dev.mensura.privacykit.pseudonym.CurrentSubject;
import dev.mensura.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** A subject reads its own jobs; someone else's job answers exactly like a job that does not exist. */
@Path("/v1/jobs/{id}")
@RolesAllowed("subject")
public class JobResource {
    private final JobRepository jobs;
    private final JobProgressStream progress;
    private final CurrentSubject caller;

    public JobResource(JobRepository jobs, JobProgressStream progress, CurrentSubject caller) {
        this.jobs = jobs;
        this.progress = progress;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<JobView> get(@PathParam("id") String id) {
        return owned(id).map(JobView::of);
    }

    /**
     * Server-sent events: the current state at once, then every change, ending with the job.
     * Ownership is settled before the stream starts, so a stranger gets a plain 404 problem.
     */
    @GET
    @Path("events")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<ProgressMessage> events(@PathParam("id") String id) {
        Job job = owned(id).await().atMost(java.time.Duration.ofSeconds(10));
        return progress.follow(job.id(), job.subjectPseudonym());
    }

    private Uni<Job> owned(String id) {
        UUID jobId = parse(id);
        String subject = caller.pseudonym();
        return jobs.findOwned(jobId, subject).onItem().ifNull().failWith(JobResource::notFound);
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    static ProblemException notFound() {
        return new ProblemException("job-not-found", "Job not found", 404, "There is no job with this id for you.");
    }
}
