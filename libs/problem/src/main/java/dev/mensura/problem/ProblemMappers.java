package dev.mensura.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json. Framework errors (404, 405, 415, bad JSON) keep their
 * status; anything unexpected is a 500 whose detail says nothing about the input.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder builder = Response.status(e.problem().status())
                .type(Problem.PROBLEM_JSON).entity(e.problem());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.of("unauthenticated", "Authentication required", 401,
                        "A valid bearer token is required.").toResponse())
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("forbidden", "Not allowed", 403, "This token may not use this endpoint.").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf("request failed with status %d: %s", status, e.getClass().getSimpleName());
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request failed";
        return Problem.of("http-" + status, title, status, null).toResponse();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e) {
        // The exception class and where it was thrown only: messages may quote input.
        StackTraceElement[] trace = e.getStackTrace();
        LOG.errorf("unexpected failure: %s at %s", e.getClass().getName(), trace.length > 0 ? trace[0] : "?");
        return Problem.of("internal-error", "Internal error", 500, "The request could not be completed.")
                .toResponse();
    }
}
