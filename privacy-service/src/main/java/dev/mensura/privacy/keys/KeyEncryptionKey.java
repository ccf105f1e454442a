package dev.mensura.privacy.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key-encryption key that wraps every subject's data keyset (I5). From a Tink KMS URI when
 * configured (the cloud KMS never hands the key out; its Tink integration must be on the
 * classpath and registered), otherwise from a keyset file mounted from a Kubernetes Secret (or
 * created by dev/run), never from the repository.
 *
 * <p>A keyset file may hold several keys: Tink unwraps with any of them and wraps with the
 * primary, which is how KEK rotation works (docs/runbooks/kek-rotation.md).
 */
@ApplicationScoped
public class KeyEncryptionKey {
    private final Aead aead;

    public KeyEncryptionKey(@ConfigProperty(name = "mensura.privacy.kek-uri") Optional<String> kmsUri,
                            @ConfigProperty(name = "mensura.privacy.kek-keyset-file") Optional<Path> keysetFile) {
        this.aead = load(kmsUri, keysetFile);
    }

    public Aead aead() {
        return aead;
    }

    static Aead load(Optional<String> kmsUri, Optional<Path> keysetFile) {
        try {
            AeadConfig.register();
            if (kmsUri.isPresent() && !kmsUri.get().isBlank()) {
                return KmsClients.get(kmsUri.get()).getAead(kmsUri.get());
            }
            Path file = keysetFile.orElseThrow(() -> new IllegalStateException(
                    "No key-encryption key: set mensura.privacy.kek-uri (Tink KMS URI) or mensura.privacy.kek-keyset-file"));
            // Cleartext keyset: acceptable only because the file is a mounted Secret (or dev/run's own file).
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
            return handle.getPrimitive(Aead.class);
        } catch (GeneralSecurityException | IOException e) {
            // Never the key, never the path: only that it failed and why in general terms.
            throw new IllegalStateException("The key-encryption key cannot be loaded: " + e.getClass().getSimpleName(), e);
        }
    }
}
