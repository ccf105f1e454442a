package dev.mensura.fitting.results;

import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.pseudonym.CurrentSubject;
import dev.mensura.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * A job's results for its subject: the measurements, the body as glTF binary and as OBJ. Another
 * subject's job, an unknown job and a job not measured yet all answer 404 alike; nothing personal
 * is cached on the way (no-store).
 */
@Path("/v1/jobs/{id}")
@RolesAllowed("subject")
@Blocking
public class ResultsResource {
    private final FitResults results;
    private final SubjectCrypto crypto;
    private final CurrentSubject subject;

    public ResultsResource(FitResults results, SubjectCrypto crypto, CurrentSubject subject) {
        this.results = results;
        this.crypto = crypto;
        this.subject = subject;
    }

    @GET
    @Path("measurements")
    @Produces(MediaType.APPLICATION_JSON)
    public Response measurements(@PathParam("id") String id) {
        FitResults.Row row = row(id);
        return personal(crypto.decrypt(row.subjectPseudonym(), Places.MEASUREMENTS, row.measurementsSealed()),
                MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("model.glb")
    @Produces("model/gltf-binary")
    public Response glb(@PathParam("id") String id) {
        FitResults.Row row = row(id);
        return personal(crypto.decrypt(row.subjectPseudonym(), Places.GLB, row.glbSealed()), "model/gltf-binary");
    }

    @GET
    @Path("model.obj")
    @Produces("model/obj")
    public Response obj(@PathParam("id") String id) {
        FitResults.Row row = row(id);
        return personal(crypto.decrypt(row.subjectPseudonym(), Places.OBJ, row.objSealed()), "model/obj");
    }

    private FitResults.Row row(String id) {
        UUID jobId;
        try {
            jobId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return results.of(jobId, subject.pseudonym()).orElseThrow(ResultsResource::notFound);
    }

    private static Response personal(byte[] body, String type) {
        return Response.ok(body, type).header("Cache-Control", "no-store").build();
    }

    private static ProblemException notFound() {
        return new ProblemException("result-not-found", "No result", 404,
                "There is no measured result for this job that you can read (yet).");
    }
}
