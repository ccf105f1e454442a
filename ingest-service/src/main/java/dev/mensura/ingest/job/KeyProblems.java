package dev.mensura.ingest.job;

import dev.mensura.privacykit.crypto.DecryptionFailedException;
import dev.mensura.privacykit.crypto.KeyUnavailableException;
import dev.mensura.privacykit.crypto.SubjectErasedException;
import dev.mensura.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A job whose sealed fields cannot be opened: gone for an erased subject, unavailable for a missing key. */
public class KeyProblems {

    @ServerExceptionMapper
    public Response erased(SubjectErasedException e) {
        return Problem.of("job-not-found", "Job not found", 404, "There is no job with this id for you.").toResponse();
    }

    @ServerExceptionMapper({KeyUnavailableException.class, DecryptionFailedException.class})
    public Response unavailable(RuntimeException e) {
        return Response.fromResponse(Problem.of("temporarily-unavailable", "Temporarily unavailable", 503,
                "The job cannot be read right now. Try again later.").toResponse()).header("Retry-After", "5").build();
    }
}
