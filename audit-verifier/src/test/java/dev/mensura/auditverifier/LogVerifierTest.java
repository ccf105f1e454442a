package dev.mensura.auditverifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mensura.tlog.Checkpoint;
import dev.mensura.tlog.Hashes;
import dev.mensura.tlog.Jcs;
import dev.mensura.tlog.MerkleTree;
import dev.mensura.tlog.NoteKeys;
import dev.mensura.tlog.SignedNote;
import dev.mensura.tlog.VerifierKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log of 10 entries with checkpoints at sizes 3, 7 and 10, then every kind of tampering. */
class LogVerifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGIN = "mensura.dev/audit/test";

    private static SignedNote.Signer signer(int seedByte) throws Exception {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) seedByte);
        byte[] publicKey = com.google.crypto.tink.subtle.Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
        return new SignedNote.Signer(ORIGIN, publicKey, NoteKeys.signerFromSeed(seed));
    }

    private static ObjectNode export(SignedNote.Signer signer) {
        ObjectNode export = JSON.createObjectNode().put("format", "mensura-audit-export/1").put("origin", ORIGIN);
        ArrayNode entries = export.putArray("entries");
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ObjectNode entry = JSON.createObjectNode().put("eventId", "e" + i).put("action", "photo.destroyed")
                    .put("resource", "job:j" + i + "/photo:front").put("time", "2026-11-23T10:00:0" + i + "Z");
            entry.putObject("details").put("lifetimeMs", 1000 + i);
            byte[] leaf = Hashes.leaf(Jcs.canonicalize(entry));
            leaves.add(leaf);
            entries.addObject().put("index", i).put("leafHash", Base64.getEncoder().encodeToString(leaf))
                    .set("entry", entry);
        }
        MerkleTree tree = MerkleTree.of(leaves);
        ArrayNode checkpoints = export.putArray("checkpoints");
        for (long size : new long[] {3, 7, 10}) {
            checkpoints.add(SignedNote.sign(new Checkpoint(ORIGIN, size, tree.root(size)).text(), List.of(signer)));
        }
        return export;
    }

    private static LogVerifier.Result verify(ObjectNode export, SignedNote.Signer trusted) {
        return LogVerifier.verify(export, List.of(trusted.verifierKey()), List.of());
    }

    @Test
    void anUntouchedLogVerifies() throws Exception {
        var signer = signer(7);
        var result = verify(export(signer), signer);
        assertThat(result.verified()).as(result.message()).isTrue();
        assertThat(result.entries()).isEqualTo(10);
        assertThat(result.checkpoints()).isEqualTo(3);
    }

    @Test
    void aChangedEntryIsNamedExactly() throws Exception {
        var signer = signer(7);
        ObjectNode export = export(signer);
        ((ObjectNode) export.get("entries").get(5).get("entry").get("details")).put("lifetimeMs", 1);
        var result = verify(export, signer);
        assertThat(result.verified()).isFalse();
        assertThat(result.firstBadIndex()).isEqualTo(5);
        assertThat(result.badRangeEnd()).isNull();
    }

    @Test
    void aChangedEntryWithARewrittenLeafHashIsBoundedBySignedCheckpoints() throws Exception {
        var signer = signer(7);
        ObjectNode export = export(signer);
        ObjectNode row = (ObjectNode) export.get("entries").get(5);
        ((ObjectNode) row.get("entry")).put("action", "photo.kept");
        row.put("leafHash", Base64.getEncoder().encodeToString(Hashes.leaf(Jcs.canonicalize(row.get("entry")))));
        var result = verify(export, signer);
        assertThat(result.verified()).isFalse();
        assertThat(result.firstBadIndex()).isEqualTo(3);
        assertThat(result.badRangeEnd()).isEqualTo(7);
    }

    @Test
    void removedReorderedOrTruncatedEntriesAreFound() throws Exception {
        var signer = signer(7);
        ObjectNode removed = export(signer);
        ((ArrayNode) removed.get("entries")).remove(8);
        assertThat(verify(removed, signer).firstBadIndex()).isEqualTo(8);

        ObjectNode reordered = export(signer);
        ArrayNode entries = (ArrayNode) reordered.get("entries");
        var four = entries.get(4).deepCopy();
        ((ObjectNode) entries.get(4)).set("entry", entries.get(6).get("entry"));
        ((ObjectNode) entries.get(6)).set("entry", ((ObjectNode) four).get("entry"));
        assertThat(verify(reordered, signer).firstBadIndex()).isEqualTo(4);

        ObjectNode truncated = export(signer);
        ((ArrayNode) truncated.get("entries")).remove(9);
        var result = verify(truncated, signer);
        assertThat(result.verified()).isFalse();
        assertThat(result.firstBadIndex()).isEqualTo(9);
    }

    @Test
    void checkpointsByAnotherKeyOrForkedOnesDoNotVerify() throws Exception {
        var signer = signer(7);
        var stranger = signer(8);
        assertThat(verify(export(signer), stranger).verified()).isFalse();

        ObjectNode export = export(signer);
        String forged = SignedNote.sign(new Checkpoint(ORIGIN, 7, Hashes.empty()).text(), List.of(signer));
        var result = LogVerifier.verify(export, List.of(signer.verifierKey()), List.of(forged));
        assertThat(result.verified()).isFalse();
        assertThat(result.message()).contains("forked");
    }

    @Test
    void aLogRolledBackBehindASavedCheckpointIsCaught() throws Exception {
        var signer = signer(7);
        ObjectNode full = export(signer);
        String savedAtTen = full.get("checkpoints").get(2).asText();
        // The operator later shows an older tree: 7 entries, checkpoints up to 7.
        ObjectNode older = export(signer);
        ArrayNode entries = (ArrayNode) older.get("entries");
        while (entries.size() > 7) {
            entries.remove(entries.size() - 1);
        }
        ((ArrayNode) older.get("checkpoints")).remove(2);
        assertThat(verify(older, signer).verified()).as("consistent on its own").isTrue();
        var result = LogVerifier.verify(older, List.of(signer.verifierKey()), List.of(savedAtTen));
        assertThat(result.verified()).isFalse();
        assertThat(result.firstBadIndex()).isEqualTo(7);
    }

    @Test
    void aReplacedCheckpointIsCaught() throws Exception {
        var signer = signer(7);
        ObjectNode export = export(signer);
        MerkleTree other = MerkleTree.of(List.of(Hashes.leaf(new byte[] {1}), Hashes.leaf(new byte[] {2}),
                Hashes.leaf(new byte[] {3})));
        // Re-signed by someone without the log's key...
        ((ArrayNode) export.get("checkpoints")).set(0, SignedNote.sign(
                new Checkpoint(ORIGIN, 3, other.root(3)).text(), List.of(signer(9))));
        assertThat(verify(export, signer).message()).contains("does not verify");
        // ...or an honest-looking note whose body was edited after signing.
        ObjectNode edited = export(signer);
        String note = edited.get("checkpoints").get(0).asText();
        ((ArrayNode) edited.get("checkpoints")).set(0, note.replaceFirst("\n3\n", "\n4\n"));
        assertThat(verify(edited, signer).message()).contains("does not verify");
    }

    @Test
    void theCommandLineExitsZeroOneOrTwo(@TempDir Path dir) throws Exception {
        var signer = signer(7);
        Path keys = Files.writeString(dir.resolve("keys.txt"), signer.verifierKey() + "\n");
        Path good = dir.resolve("good.json");
        JSON.writeValue(good.toFile(), export(signer));
        ObjectNode tampered = export(signer);
        ((ObjectNode) tampered.get("entries").get(2).get("entry")).put("resource", "job:someone-else");
        Path bad = dir.resolve("bad.json");
        JSON.writeValue(bad.toFile(), tampered);

        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        assertThat(AuditVerifier.run(new String[] {"log", "--keys", keys.toString(), "--export", good.toString()},
                new PrintStream(out), new PrintStream(err))).isEqualTo(AuditVerifier.VERIFIED);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: verified 10 entries against 3");
        assertThat(AuditVerifier.run(new String[] {"log", "--keys", keys.toString(), "--export", bad.toString()},
                new PrintStream(out), new PrintStream(err))).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("first bad index: 2");
        assertThat(AuditVerifier.run(new String[] {"log", "--export", good.toString()}, new PrintStream(out),
                new PrintStream(err))).isEqualTo(AuditVerifier.USAGE);
    }
}
