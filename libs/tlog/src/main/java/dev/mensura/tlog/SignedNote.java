package dev.mensura.tlog;

import com.google.crypto.tink.PublicKeySign;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * C2SP signed notes: a text ending in a newline, a blank line, then signature lines
 * {@code — <key name> <base64(key hash || signature)>}. Signs with a Tink {@link PublicKeySign}
 * (Ed25519 without a Tink output prefix) and opens with trusted {@link VerifierKey}s.
 */
public final class SignedNote {
    private static final String DASH = "\u2014 ";

    private SignedNote() {
    }

    /** A signer: the key's name, its public key (for the hash) and Tink's signing primitive. */
    public record Signer(String name, byte[] publicKey, PublicKeySign sign) {
        public Signer {
            VerifierKey.checkName(name);
        }

        public VerifierKey verifierKey() {
            return VerifierKey.of(name, publicKey);
        }
    }

    /** The note: {@code text}, a blank line, one signature line per signer. */
    public static String sign(String text, List<Signer> signers) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends in a newline");
        }
        StringBuilder note = new StringBuilder(text).append('\n');
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        for (Signer signer : signers) {
            byte[] signature;
            try {
                signature = signer.sign().sign(message);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("signing failed", e);
            }
            byte[] hash = NoteKeys.keyHash(signer.name(), signer.publicKey());
            byte[] blob = new byte[hash.length + signature.length];
            System.arraycopy(hash, 0, blob, 0, hash.length);
            System.arraycopy(signature, 0, blob, hash.length, signature.length);
            note.append(DASH).append(signer.name()).append(' ')
                    .append(Base64.getEncoder().encodeToString(blob)).append('\n');
        }
        return note.toString();
    }

    /** The text of a note and the names of the trusted keys whose signatures on it verify. */
    public record Opened(String text, List<String> verifiedBy) {
    }

    /**
     * Opens a note: at least one signature must verify under one of {@code trusted}; signatures by
     * keys not trusted are ignored, a signature by a trusted key that does not verify fails.
     *
     * @throws IllegalArgumentException when the note is malformed or no trusted signature verifies
     */
    public static Opened open(String note, List<VerifierKey> trusted) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("malformed note: no signature block");
        }
        String text = note.substring(0, split + 1);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<String> verified = new ArrayList<>();
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("malformed note: a signature line must start with an em dash");
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) {
                throw new IllegalArgumentException("malformed note: signature line is '— name signature'");
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed note: signature is not base64");
            }
            if (blob.length < 5) {
                throw new IllegalArgumentException("malformed note: signature too short");
            }
            byte[] hash = Arrays.copyOf(blob, 4);
            byte[] signature = Arrays.copyOfRange(blob, 4, blob.length);
            for (VerifierKey key : trusted) {
                if (key.name().equals(parts[0]) && Arrays.equals(key.hash(), hash)) {
                    if (!key.verifies(signature, message)) {
                        throw new IllegalArgumentException("invalid signature by " + key.name());
                    }
                    verified.add(key.name());
                }
            }
        }
        if (verified.isEmpty()) {
            throw new IllegalArgumentException("no signature by a trusted key");
        }
        return new Opened(text, List.copyOf(verified));
    }
}
