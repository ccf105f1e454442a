package dev.mensura.audit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mensura.audit.checkpoint.SigningKeys;
import dev.mensura.audit.log.LogStore;
import dev.mensura.audit.log.LogTree;
import dev.mensura.tlog.VerifierKey;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code GET /v1/audit/export}: the whole log for the offline verifier (role {@code compliance}):
 * every entry with the leaf hash the log recorded, every signed checkpoint, the verifier keys.
 * The verifier trusts none of it but the keys it is given separately.
 */
@Path("/v1/audit/export")
@RolesAllowed("compliance")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class LogExportResource {
    private static final int PAGE = 1000;

    private final LogStore store;
    private final LogTree tree;
    private final SigningKeys keys;
    private final ObjectMapper json;

    public LogExportResource(LogStore store, LogTree tree, SigningKeys keys, ObjectMapper json) {
        this.store = store;
        this.tree = tree;
        this.keys = keys;
        this.json = json;
    }

    public record ExportedEntry(long index, JsonNode entry, String leafHash) {
    }

    public record LogExport(String format, String origin, List<String> publicKeys, List<String> checkpoints,
                            List<ExportedEntry> entries) {
    }

    @GET
    public LogExport export() throws IOException {
        List<String> checkpoints = store.allCheckpoints().stream().map(LogStore.StoredCheckpoint::note).toList();
        long size = tree.refresh();
        List<ExportedEntry> entries = new ArrayList<>();
        for (long start = 0; start < size; start += PAGE) {
            for (LogStore.StoredEntry e : store.entries(start, Math.min(size, start + PAGE))) {
                entries.add(new ExportedEntry(e.index(), json.readTree(e.entry()),
                        Base64.getEncoder().encodeToString(e.leafHash())));
            }
        }
        return new LogExport("mensura-audit-export/1", keys.origin(),
                keys.published().stream().map(VerifierKey::toString).toList(), checkpoints, entries);
    }
}
