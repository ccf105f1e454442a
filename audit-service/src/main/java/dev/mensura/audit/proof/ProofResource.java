package dev.mensura.audit.proof;

import dev.mensura.audit.log.LogTree;
import dev.mensura.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.List;

/** RFC 9162 proofs for compliance officers: inclusion of an entry, consistency between two sizes. */
@Path("/v1/audit/proofs")
@RolesAllowed("compliance")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ProofResource {
    private final LogTree tree;

    public ProofResource(LogTree tree) {
        this.tree = tree;
    }

    public record InclusionProof(long index, long size, String leafHash, List<String> proof, String rootHash) {
    }

    public record ConsistencyProof(long from, long to, List<String> proof, String fromRoot, String toRoot) {
    }

    @GET
    @Path("inclusion")
    public InclusionProof inclusion(@QueryParam("index") Long index, @QueryParam("size") Long size) {
        long treeSize = tree.refresh();
        if (index == null || size == null || index < 0 || index >= size || size > treeSize) {
            throw invalid("Need 0 <= index < size <= tree size (" + treeSize + ").");
        }
        return new InclusionProof(index, size, b64(tree.leaf(index)), b64(tree.inclusionProof(index, size)),
                b64(tree.root(size)));
    }

    @GET
    @Path("consistency")
    public ConsistencyProof consistency(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        long treeSize = tree.refresh();
        if (from == null || to == null || from < 1 || from > to || to > treeSize) {
            throw invalid("Need 1 <= from <= to <= tree size (" + treeSize + ").");
        }
        return new ConsistencyProof(from, to, b64(tree.consistencyProof(from, to)), b64(tree.root(from)),
                b64(tree.root(to)));
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException("invalid-proof-request", "Invalid proof request", 400, detail);
    }

    static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    static List<String> b64(List<byte[]> hashes) {
        return hashes.stream().map(ProofResource::b64).toList();
    }
}
