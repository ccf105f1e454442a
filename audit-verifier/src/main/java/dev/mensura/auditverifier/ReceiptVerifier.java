package dev.mensura.auditverifier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.tlog.Checkpoint;
import dev.mensura.tlog.Hashes;
import dev.mensura.tlog.Jcs;
import dev.mensura.tlog.Proofs;
import dev.mensura.tlog.SignedNote;
import dev.mensura.tlog.VerifierKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a destruction receipt: its checkpoint is signed by a trusted key, every entry is in
 * the log at its index (inclusion proof against that checkpoint), every entry is about the same
 * job, and every photo received has a successful destruction within the 300-second promise.
 */
public final class ReceiptVerifier {
    /** I2: no photo lives longer than this. */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(300);

    public record Photo(String view, long lifetimeMs, String reason) {
    }

    public record Result(boolean verified, String message, List<Photo> photos) {
    }

    private ReceiptVerifier() {
    }

    public static Result verify(JsonNode receipt, List<VerifierKey> trusted) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(SignedNote.open(receipt.path("checkpoint").asText(), trusted).text());
        } catch (IllegalArgumentException e) {
            return new Result(false, "the receipt's checkpoint does not verify: " + e.getMessage(), List.of());
        }
        String job = receipt.path("jobPseudonym").asText("");
        String prefix = "job:" + job + "/photo:";
        Map<String, Boolean> received = new LinkedHashMap<>();
        List<Photo> photos = new ArrayList<>();
        JsonNode entries = receipt.path("entries");
        if (job.isEmpty() || entries.isEmpty()) {
            return new Result(false, "the receipt has no job or no entries", List.of());
        }
        for (JsonNode proven : entries) {
            long index = proven.path("index").asLong(-1);
            JsonNode entry = proven.get("entry");
            byte[] leaf;
            try {
                leaf = Hashes.leaf(Jcs.canonicalize(entry));
            } catch (RuntimeException e) {
                return new Result(false, "entry " + index + " is not a valid log entry", List.of());
            }
            List<byte[]> proof = new ArrayList<>();
            for (JsonNode p : proven.path("inclusionProof")) {
                proof.add(java.util.Base64.getDecoder().decode(p.asText()));
            }
            if (!Proofs.verifyInclusion(leaf, index, checkpoint.size(), proof, checkpoint.rootHash())) {
                return new Result(false, "entry " + index + " is not in the signed log as shown", List.of());
            }
            String resource = entry.path("resource").asText();
            if (!resource.startsWith(prefix)) {
                return new Result(false, "entry " + index + " is about something else than this job", List.of());
            }
            String view = resource.substring(prefix.length());
            String action = entry.path("action").asText();
            if ("photo.received".equals(action)) {
                received.putIfAbsent(view, false);
            } else if ("photo.destroyed".equals(action) && "success".equals(entry.path("outcome").asText())) {
                long lifetime = entry.path("details").path("lifetimeMs").asLong(-1);
                if (lifetime < 0 || lifetime > MAX_LIFETIME.toMillis()) {
                    return new Result(false, "the " + view + " photo lived " + lifetime + " ms, over the promised "
                            + MAX_LIFETIME.toSeconds() + " s", List.of());
                }
                received.put(view, true);
                photos.add(new Photo(view, lifetime, entry.path("details").path("reason").asText("")));
            }
        }
        for (var photo : received.entrySet()) {
            if (!photo.getValue()) {
                return new Result(false, "the " + photo.getKey() + " photo has no recorded destruction", photos);
            }
        }
        if (received.isEmpty()) {
            return new Result(false, "the receipt records no photo", photos);
        }
        return new Result(true, "every photo of the job was destroyed (" + photos.size() + " destruction entries in a"
                + " signed checkpoint of size " + checkpoint.size() + ")", photos);
    }
}
