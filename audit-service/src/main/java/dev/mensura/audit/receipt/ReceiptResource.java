package dev.mensura.audit.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mensura.audit.log.LogStore;
import dev.mensura.audit.log.LogTree;
import dev.mensura.privacykit.pseudonym.CurrentSubject;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.problem.ProblemException;
import dev.mensura.tlog.Checkpoint;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /v1/jobs/{id}/receipt}: the subject's own proof that its photos were destroyed,
 * checkable by anyone with the log's public key: the job's photo entries (received and
 * destroyed), each with its inclusion proof in a signed checkpoint. The audit-verifier's
 * {@code receipt} command checks it offline.
 */
@Path("/v1/jobs/{id}/receipt")
@RolesAllowed("subject")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ReceiptResource {
    public static final String FORMAT = "mensura-destruction-receipt/1";

    private final LogStore store;
    private final LogTree tree;
    private final Pseudonymizer pseudonyms;
    private final CurrentSubject caller;
    private final ObjectMapper json;

    public ReceiptResource(LogStore store, LogTree tree, Pseudonymizer pseudonyms, CurrentSubject caller,
                           ObjectMapper json) {
        this.store = store;
        this.tree = tree;
        this.pseudonyms = pseudonyms;
        this.caller = caller;
        this.json = json;
    }

    public record ProvenEntry(long index, JsonNode entry, String leafHash, List<String> inclusionProof) {
    }

    public record Receipt(String format, String jobId, String jobPseudonym, String checkpoint, List<ProvenEntry> entries) {
    }

    @GET
    public Receipt receipt(@PathParam("id") String id) throws IOException {
        UUID jobId;
        try {
            jobId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        String job = pseudonyms.pseudonym("job", jobId.toString());
        List<LogStore.StoredEntry> stored = store.entriesUnder("job:" + job + "/photo:");
        List<JsonNode> entries = new ArrayList<>();
        for (LogStore.StoredEntry e : stored) {
            entries.add(json.readTree(e.entry()));
        }
        // Whose job it is, the log knows from the received entries; another subject's job looks like none.
        boolean own = entries.stream().anyMatch(e -> "photo.received".equals(e.path("action").asText())
                && caller.pseudonym().equals(e.path("details").path("subject").asText()));
        if (!own) {
            throw notFound();
        }
        tree.refresh();
        var latest = store.latestCheckpoint().orElse(null);
        long last = stored.get(stored.size() - 1).index();
        if (latest == null || latest.size() <= last) {
            throw new ProblemException(dev.mensura.problem.Problem.of("receipt-not-ready", "Receipt not ready", 409,
                    "The newest entries are not in a signed checkpoint yet; ask again in a second."),
                    Map.of("Retry-After", "1"));
        }
        long size = latest.size();
        List<ProvenEntry> proven = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            var e = stored.get(i);
            proven.add(new ProvenEntry(e.index(), entries.get(i), b64(e.leafHash()),
                    tree.inclusionProof(e.index(), size).stream().map(ReceiptResource::b64).toList()));
        }
        return new Receipt(FORMAT, jobId.toString(), job, latest.note(), proven);
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static ProblemException notFound() {
        return new ProblemException("receipt-not-found", "Receipt not found", 404,
                "There is no job of yours with photos in the audit log.");
    }
}
