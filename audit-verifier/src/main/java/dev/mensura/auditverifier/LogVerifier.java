package dev.mensura.auditverifier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.tlog.Checkpoint;
import dev.mensura.tlog.Hashes;
import dev.mensura.tlog.Jcs;
import dev.mensura.tlog.MerkleTree;
import dev.mensura.tlog.SignedNote;
import dev.mensura.tlog.VerifierKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Verifies an exported audit log: every checkpoint's signature under the trusted keys, then every
 * checkpoint's root recomputed from the entries themselves (their RFC 8785 form, hashed as RFC 9162
 * leaves). Checkpoints saved earlier by the reader are checked the same way, which proves the log
 * they saw is a prefix of this one. On tampering it names the first bad index: exactly when the
 * entry no longer matches the leaf hash the log recorded, otherwise the first index of the
 * smallest signed range that no longer verifies (checkpoints follow entries within a second, so
 * those ranges are short).
 */
public final class LogVerifier {

    /** {@code firstBadIndex} null when verified; {@code badRangeEnd} set when only a range is known. */
    public record Result(boolean verified, String message, Long firstBadIndex, Long badRangeEnd, long entries,
                         long checkpoints) {
        static Result ok(String message, long entries, long checkpoints) {
            return new Result(true, message, null, null, entries, checkpoints);
        }

        static Result bad(String message, Long index, Long rangeEnd, long entries, long checkpoints) {
            return new Result(false, message, index, rangeEnd, entries, checkpoints);
        }
    }

    private LogVerifier() {
    }

    public static Result verify(JsonNode export, List<VerifierKey> trusted, List<String> savedNotes) {
        JsonNode entries = export.path("entries");
        List<byte[]> leaves = new ArrayList<>();
        List<byte[]> recorded = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            if (e.path("index").asLong(-1) != i) {
                return Result.bad("entry at position " + i + " has index " + e.path("index").asText("?")
                        + ": entries are missing or out of order", (long) i, null, entries.size(), 0);
            }
            try {
                leaves.add(Hashes.leaf(Jcs.canonicalize(e.get("entry"))));
            } catch (RuntimeException ex) {
                return Result.bad("entry " + i + " is not a valid log entry (" + ex.getMessage() + ")", (long) i, null,
                        entries.size(), 0);
            }
            recorded.add(decode(e.path("leafHash").asText("")));
        }

        List<String> notes = new ArrayList<>();
        export.path("checkpoints").forEach(n -> notes.add(n.asText()));
        notes.addAll(savedNotes);
        TreeMap<Long, Checkpoint> bySize = new TreeMap<>();
        String origin = export.path("origin").asText(null);
        for (String note : notes) {
            Checkpoint c;
            try {
                c = Checkpoint.parse(SignedNote.open(note, trusted).text());
            } catch (IllegalArgumentException ex) {
                return Result.bad("a checkpoint does not verify: " + ex.getMessage(), null, null, leaves.size(),
                        bySize.size());
            }
            if (origin != null && !origin.equals(c.origin())) {
                return Result.bad("a checkpoint is for another log (" + c.origin() + ")", null, null, leaves.size(),
                        bySize.size());
            }
            Checkpoint same = bySize.putIfAbsent(c.size(), c);
            if (same != null && !Arrays.equals(same.rootHash(), c.rootHash())) {
                return Result.bad("two signed checkpoints of size " + c.size() + " disagree: the log forked",
                        null, null, leaves.size(), bySize.size());
            }
        }
        if (bySize.isEmpty()) {
            return Result.bad("no signed checkpoint to verify against", null, null, leaves.size(), 0);
        }

        MerkleTree tree = MerkleTree.of(leaves);
        long good = 0;
        for (Checkpoint c : bySize.values().stream().sorted(Comparator.comparingLong(Checkpoint::size)).toList()) {
            if (c.size() > leaves.size()) {
                return Result.bad("a signed checkpoint covers " + c.size() + " entries but the log has "
                        + leaves.size() + ": entries from index " + leaves.size() + " are missing",
                        (long) leaves.size(), null, leaves.size(), bySize.size());
            }
            if (!Arrays.equals(tree.root(c.size()), c.rootHash())) {
                for (long i = good; i < c.size(); i++) {
                    if (!Arrays.equals(leaves.get((int) i), recorded.get((int) i))) {
                        return Result.bad("entry " + i + " was changed after it was logged", i, null, leaves.size(),
                                bySize.size());
                    }
                }
                return Result.bad("entries in [" + good + ", " + c.size() + ") were changed (the checkpoint of size "
                        + c.size() + " no longer matches)", good, c.size(), leaves.size(), bySize.size());
            }
            good = c.size();
        }
        String uncovered = good < leaves.size() ? "; " + (leaves.size() - good)
                + " newest entries are not yet covered by a checkpoint" : "";
        return Result.ok("verified " + leaves.size() + " entries against " + bySize.size() + " signed checkpoints"
                + uncovered, leaves.size(), bySize.size());
    }

    private static byte[] decode(String b64) {
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
