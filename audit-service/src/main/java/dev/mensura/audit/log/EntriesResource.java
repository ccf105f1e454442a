package dev.mensura.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mensura.edge.identity.CallerServices;
import dev.mensura.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * {@code /v1/audit/entries}: services append over HTTP (role {@code service}; the source is the
 * calling service, taken from its token), compliance officers read ranges (role {@code compliance}).
 */
@Path("/v1/audit/entries")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class EntriesResource {
    static final int MAX_RANGE = 1000;

    private final AuditLog log;
    private final LogStore store;
    private final LogTree tree;
    private final SecurityIdentity caller;
    private final ObjectMapper json;

    public EntriesResource(AuditLog log, LogStore store, LogTree tree, SecurityIdentity caller, ObjectMapper json) {
        this.log = log;
        this.store = store;
        this.tree = tree;
        this.caller = caller;
        this.json = json;
    }

    public record AppendAnswer(long index, String eventId, boolean appended) {
    }

    /** An {@code AuditRecord} plus its {@code eventId}; 201 when appended, 200 when it was already there. */
    @POST
    @RolesAllowed("service")
    // Any service, but the one its certificate names: an entry's source is the caller.
    @CallerServices
    @Consumes(MediaType.APPLICATION_JSON)
    public Response append(JsonNode record) {
        // the service its client certificate names (with TLS), or its token's subject (without)
        String service = caller.getPrincipal().getName();
        if (!EntryPolicy.isServiceName(service)) {
            throw new EntryRejectedException("The calling service's name is not a service name.");
        }
        JsonNode eventId = record == null ? null : record.get("eventId");
        AuditEntry entry;
        try {
            entry = EntryPolicy.accept(eventId != null && eventId.isTextual() ? eventId.textValue() : null,
                    "/mensura/" + service, record);
        } catch (EntryRejectedException e) {
            log.rejected("http");
            throw e;
        }
        LogStore.Appended appended = log.append(entry);
        return Response.status(appended.isNew() ? 201 : 200)
                .entity(new AppendAnswer(appended.index(), entry.eventId(), appended.isNew())).build();
    }

    public record EntryView(long index, JsonNode entry, String leafHash) {
    }

    public record EntryPage(long start, long end, long treeSize, List<EntryView> entries) {
    }

    /** Entries {@code start <= index < end} (at most 1000) as stored, with their leaf hashes. */
    @GET
    @RolesAllowed("compliance")
    public EntryPage read(@QueryParam("start") Long start, @QueryParam("end") Long end) {
        long size = tree.refresh();
        if (start == null || end == null || start < 0 || end <= start || end - start > MAX_RANGE || end > size) {
            throw new ProblemException("invalid-range", "Invalid range", 400,
                    "Need 0 <= start < end <= tree size (" + size + "), at most " + MAX_RANGE + " entries.");
        }
        return new EntryPage(start, end, size, store.entries(start, end).stream().map(this::view).toList());
    }

    EntryView view(LogStore.StoredEntry stored) {
        try {
            return new EntryView(stored.index(), json.readTree(stored.entry()),
                    Base64.getEncoder().encodeToString(stored.leafHash()));
        } catch (IOException e) {
            throw new IllegalStateException("a stored entry is not JSON", e);
        }
    }
}
