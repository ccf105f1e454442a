package dev.mensura.audit.checkpoint;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The checkpoint signing keys: a Tink keyset of Ed25519 keys without output prefix (a Kubernetes
 * Secret, or a dev key from {@code dev/run}). The primary signs; every key in the set is
 * published, so after a rotation (a new primary added, the old one kept) checkpoints signed
 * before it still verify. All keys carry the log's origin as their name, as C2SP checkpoints do.
 */
@ApplicationScoped
public class SigningKeys {
    private final String origin;
    private final SignedNote.Signer signer;
    private final List<VerifierKey> published;

    public SigningKeys(@ConfigProperty(name = "mensura.audit.origin") String origin,
                       @ConfigProperty(name = "mensura.audit.signing-keyset-file") Path keysetFile)
            throws GeneralSecurityException, IOException {
        SignatureConfig.register();
        this.origin = origin;
        KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile),
                InsecureSecretKeyAccess.get());
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
