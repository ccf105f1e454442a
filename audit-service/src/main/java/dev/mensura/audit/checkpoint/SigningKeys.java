package dev.mensura.audit.checkpoint;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.SignatureConfig;
import dev.mensura.tlog.NoteKeys;
import dev.mensura.tlog.SignedNote;
import dev.mensura.tlog.VerifierKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The checkpoint signing keys: a Tink keyset of Ed25519 keys without output prefix (a Kubernetes
 * Secret, encrypted by a cloud KMS key when {@code mensura.audit.signing-keyset-kek-uri} is set, or
 * a dev key from {@code dev/run}). The primary signs; every key in the set is
 * published, so after a rotation (a new primary added, the old one kept) checkpoints signed
 * before it still verify. All keys carry the log's origin as their name, as C2SP checkpoints do.
 */
@ApplicationScoped
public class SigningKeys {
    private final String origin;
    private final SignedNote.Signer signer;
    private final List<VerifierKey> published;

    /** Associated data binding an encrypted signing keyset to its use. */
    static final byte[] KEYSET_CONTEXT = "mensura.audit.signing-keyset".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** With a cleartext keyset file (a mounted Secret, or dev/run's). */
    public SigningKeys(String origin, Path keysetFile) throws GeneralSecurityException, IOException {
        this(origin, keysetFile, Optional.empty());
    }

    /**
     * @param kekUri a Tink KMS URI: the keyset file is then encrypted with that KMS key (Tink's
     *               {@code TinkJsonProtoKeysetFormat.serializeEncryptedKeyset}, associated data
     *               {@code mensura.audit.signing-keyset}) and the KMS never hands its key out
     */
    @jakarta.inject.Inject
    public SigningKeys(@ConfigProperty(name = "mensura.audit.origin") String origin,
                       @ConfigProperty(name = "mensura.audit.signing-keyset-file") Path keysetFile,
                       @ConfigProperty(name = "mensura.audit.signing-keyset-kek-uri") Optional<String> kekUri)
            throws GeneralSecurityException, IOException {
        SignatureConfig.register();
        this.origin = origin;
        String text = Files.readString(keysetFile);
        KeysetHandle keyset = kekUri.filter(uri -> !uri.isBlank()).isPresent()
                ? TinkJsonProtoKeysetFormat.parseEncryptedKeyset(text,
                        KmsClients.get(kekUri.get()).getAead(kekUri.get()), KEYSET_CONTEXT)
                : TinkJsonProtoKeysetFormat.parseKeyset(text, InsecureSecretKeyAccess.get());
        List<VerifierKey> keys = new ArrayList<>();
        byte[] primaryPublic = null;
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (!(entry.getKey() instanceof Ed25519PrivateKey key)
                    || key.getParameters().getVariant() != Ed25519Parameters.Variant.NO_PREFIX) {
                throw new IllegalStateException("the audit signing keyset must hold Ed25519 keys without output prefix"
                        + " (Tink ED25519WithRawOutput): signed notes carry bare signatures");
            }
            VerifierKey published = VerifierKey.of(origin, NoteKeys.publicKeyOf(entry));
            if (entry.isPrimary()) {
                primaryPublic = published.publicKey();
                keys.add(0, published);
            } else {
                keys.add(published);
            }
        }
        this.published = List.copyOf(keys);
        this.signer = new SignedNote.Signer(origin, primaryPublic,
                keyset.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class));
    }

    public String origin() {
        return origin;
    }

    public SignedNote.Signer signer() {
        return signer;
    }

    /** Every verifier key, the one signing now first. */
    public List<VerifierKey> published() {
        return published;
    }
}
