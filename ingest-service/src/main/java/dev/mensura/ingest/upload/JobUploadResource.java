package dev.mensura.ingest.upload;

import dev.mensura.ingest.job.Job;
import dev.mensura.ingest.job.JobView;
import dev.mensura.privacykit.pseudonym.CurrentSubject;
import dev.mensura.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** {@code POST /v1/jobs}: two photos and a height in, a job id out. Photos are never echoed back. */
@Path("/v1/jobs")
@RolesAllowed("subject")
public class JobUploadResource {
    private final JobIntake intake;
    private final CurrentSubject caller;

    public JobUploadResource(JobIntake intake, CurrentSubject caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                           InputStream body) throws IOException {
        String subject = caller.pseudonym();
        Job job;
        try {
            job = intake.accept(subject, contentType, contentLength == null ? -1 : contentLength, body);
        } catch (ProblemException refused) {
            // Refused before the body was read (consent, capacity): read and drop the rest, bounded,
            // so the client receives the problem instead of a reset connection.
            BodyDrain.drain(body, intake.maxRequestBytes());
            throw refused;
        }
        return Response.accepted(JobView.of(job)).location(URI.create("/v1/jobs/" + job.id())).build();
    }
}
