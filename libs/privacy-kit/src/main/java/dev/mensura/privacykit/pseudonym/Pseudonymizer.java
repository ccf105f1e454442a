package dev.mensura.privacykit.pseudonym;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.MacKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

/**
 * Turns identifiers (subject ids, job ids ...) into keyed-HMAC pseudonyms for logs, metrics,
 * traces and Kafka keys (invariant I6).
 *
 * <p>A keyed MAC rather than a plain hash: subject ids are low-entropy and guessable, so an
 * unkeyed hash could be reversed by enumeration. Without the key nobody can link a pseudonym
 * back to a person; with it, operators can still correlate one subject's events.
 *
 * <p>The keyset must have a primary MAC key without output prefix (Tink variant
 * {@code NO_PREFIX}, proto output prefix {@code RAW}): a prefixed tag would start with the key
 * id, so pseudonyms would carry key metadata and their format would depend on the key.
 * Instances are immutable and thread-safe.
 */
public final class Pseudonymizer {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Mac mac;

    /**
     * @param keyset a MAC keyset whose primary key has no output prefix, e.g. from
     *               {@link PseudonymKeys#generate()}
     * @throws IllegalArgumentException if the keyset is not a usable no-prefix MAC keyset
     */
    public Pseudonymizer(KeysetHandle keyset) {
        Objects.requireNonNull(keyset, "keyset");
        MacRegistration.ensure();
        if (!(keyset.getPrimary().getKey() instanceof MacKey key)
                || key.getOutputPrefix().size() != 0) {
            throw new IllegalArgumentException(
                    "pseudonym keyset needs a primary MAC key with output prefix RAW (NO_PREFIX)");
        }
        try {
            this.mac = keyset.getPrimitive(RegistryConfiguration.get(), Mac.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("keyset cannot be used as a Tink MAC", e);
        }
    }

    /**
     * Reads a cleartext Tink JSON keyset.
     *
     * <p>Cleartext is acceptable here only because the file is a Kubernetes Secret mounted
     * read-only into the pod (or, in development, a 0600 file that {@code dev/run} generates
     * under an ignored directory): the Secret store and file permissions protect the key, and an
     * envelope-encrypted keyset would only move the problem to the key-encryption key.
     *
     * @throws IOException if the file cannot be read or does not hold a valid MAC keyset
     */
    public static Pseudonymizer fromKeysetFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        MacRegistration.ensure();
        String json = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return new Pseudonymizer(
                    TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The file name is not personal data, but never echo the file content: it is a key.
            throw new IOException("not a valid Tink JSON MAC keyset: " + file, e);
        }
    }

    /**
     * Deterministic pseudonym of {@code id} within the namespace {@code kind}.
     *
     * <p>The MAC input is {@code kind + ":" + id} (UTF-8): the kind separates namespaces so that
     * the same raw value used as a subject id and as a job id yields unrelated pseudonyms. A kind
     * must not contain ':' because then two different (kind, id) pairs could produce the same
     * input.
     *
     * @param kind namespace such as {@code "subject"} or {@code "job"}; non-empty, no ':'
     * @param id   the identifier to pseudonymise
     * @return base64url without padding of the 32-byte tag (43 characters for HMAC-SHA256)
     */
    public String pseudonym(String kind, String id) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (kind.isEmpty() || kind.indexOf(':') >= 0) {
            throw new IllegalArgumentException("kind must be non-empty and must not contain ':'");
        }
        byte[] input = (kind + ":" + id).getBytes(StandardCharsets.UTF_8);
        try {
            return BASE64URL.encodeToString(mac.computeMac(input));
        } catch (GeneralSecurityException e) {
            // computeMac on a valid HMAC key does not fail; if it does, Tink is broken.
            throw new IllegalStateException("cannot compute pseudonym", e);
        }
    }
}
