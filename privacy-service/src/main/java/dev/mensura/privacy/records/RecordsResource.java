package dev.mensura.privacy.records;

import dev.mensura.problem.ProblemException;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Art. 30 record for compliance officers and the privacy notice for everyone, each as JSON
 * (the model) or Markdown (the document), chosen by {@code Accept}; JSON when the client does
 * not mind. Both are rendered at startup, so answering never blocks.
 */
@Path("/v1")
@Produces({MediaType.APPLICATION_JSON, RecordsResource.MARKDOWN})
public class RecordsResource {
    static final String MARKDOWN = "text/markdown";
    private static final MediaType MARKDOWN_TYPE = MediaType.valueOf(MARKDOWN);
    private static final String MARKDOWN_UTF8 = MARKDOWN + ";charset=UTF-8";

    private final ProcessingRecords records;

    public RecordsResource(ProcessingRecords records) {
        this.records = records;
    }

    @GET
    @Path("records/art30")
    @RolesAllowed("compliance")
    @NonBlocking
    public Response art30(@Context HttpHeaders headers) {
        Response.ResponseBuilder answer = wantsMarkdown(headers)
                ? Response.ok(records.art30Markdown(), MARKDOWN_UTF8)
                : Response.ok(records.record(), MediaType.APPLICATION_JSON_TYPE);
        return answer.header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /**
     * Public: the app shows the notice before login and before asking for consent. It is the
     * same for everyone and changes only with a new policy version, so shared caches may keep it.
     */
    @GET
    @Path("privacy-notice")
    @PermitAll
    @NonBlocking
    public Response privacyNotice(@Context HttpHeaders headers) {
        Response.ResponseBuilder answer = wantsMarkdown(headers)
                ? Response.ok(records.noticeMarkdown(), MARKDOWN_UTF8)
                : Response.ok(records.notice(), MediaType.APPLICATION_JSON_TYPE);
        return answer.header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** The client's most preferred type that we serve; a wildcard means JSON. */
    static boolean wantsMarkdown(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MARKDOWN_TYPE)) {
                return true;
            }
        }
        // Normally unreachable: @Produces already turns such requests away with a 406.
        throw new ProblemException("not-acceptable", "Not acceptable", 406,
                "Ask for application/json or text/markdown.");
    }
}
