package dev.mensura.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import dev.mensura.tlog.Checkpoint;
import dev.mensura.tlog.Hashes;
import dev.mensura.tlog.SignedNote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotation keeps old checkpoints verifiable; keys that would sign in the wrong format are refused. */
class SigningKeysTest {
    private static final String ORIGIN = "mensura.dev/audit";

    @Test
    void afterARotationOldCheckpointsStillVerifyAndTheNewKeySigns(@TempDir Path dir) throws Exception {
        SignatureConfig.register();
        KeysetHandle before = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519WithRawOutput);
        Path file = dir.resolve("keyset.json");
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(before, InsecureSecretKeyAccess.get()));
        var old = new SigningKeys(ORIGIN, file);
        String oldNote = SignedNote.sign(new Checkpoint(ORIGIN, 1, Hashes.empty()).text(), List.of(old.signer()));

        // Rotation as the runbook describes: add a new key, make it primary, keep the old one.
        KeysetHandle after = KeysetHandle.newBuilder(before)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedSignatureParameters.ED25519WithRawOutput)
                        .withRandomId().makePrimary())
                .build();
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(after, InsecureSecretKeyAccess.get()));
        var rotated = new SigningKeys(ORIGIN, file);

        assertThat(rotated.published()).hasSize(2);
        assertThat(rotated.published().get(1).toString()).isEqualTo(old.published().get(0).toString());
        assertThat(SignedNote.open(oldNote, rotated.published()).verifiedBy()).containsExactly(ORIGIN);
        String newNote = SignedNote.sign(new Checkpoint(ORIGIN, 2, Hashes.empty()).text(), List.of(rotated.signer()));
        assertThat(SignedNote.open(newNote, List.of(rotated.published().get(0))).text()).startsWith(ORIGIN);
        assertThatThrownBy(() -> SignedNote.open(newNote, old.published())).hasMessageContaining("no signature");
    }

    /** A KMS as Tink sees one: a client for a URI prefix that hands out an AEAD, whose key stays inside. */
    private static final class InProcessKms implements com.google.crypto.tink.KmsClient {
        private final com.google.crypto.tink.Aead aead;

        InProcessKms() throws java.security.GeneralSecurityException {
            com.google.crypto.tink.aead.AeadConfig.register();
            aead = KeysetHandle.generateNew(com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(com.google.crypto.tink.RegistryConfiguration.get(), com.google.crypto.tink.Aead.class);
        }

        @Override
        public boolean doesSupport(String keyUri) {
            return keyUri.startsWith("mensura-test-kms://");
        }

        @Override
        public com.google.crypto.tink.KmsClient withCredentials(String credentialPath) {
            return this;
        }

        @Override
        public com.google.crypto.tink.KmsClient withDefaultCredentials() {
            return this;
        }

        @Override
        public com.google.crypto.tink.Aead getAead(String keyUri) {
            return aead;
        }
    }

    @Test
    void aKeysetEncryptedByAKmsKeyIsOpenedThroughTheKms(@TempDir Path dir) throws Exception {
        SignatureConfig.register();
        var kms = new InProcessKms();
        com.google.crypto.tink.KmsClients.add(kms);
        String uri = "mensura-test-kms://audit-signing";
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519WithRawOutput);
        Path file = Files.writeString(dir.resolve("encrypted.json"), TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
                keyset, kms.getAead(uri), SigningKeys.KEYSET_CONTEXT));
        assertThat(Files.readString(file)).contains("encryptedKeyset");

        var keys = new SigningKeys(ORIGIN, file, java.util.Optional.of(uri));
        String note = SignedNote.sign(new Checkpoint(ORIGIN, 3, Hashes.empty()).text(), List.of(keys.signer()));
        assertThat(SignedNote.open(note, keys.published()).verifiedBy()).containsExactly(ORIGIN);
        // Without the KMS the file is just ciphertext.
        assertThatThrownBy(() -> new SigningKeys(ORIGIN, file)).isInstanceOf(Exception.class);
    }

    @Test
    void keysThatPrefixTheirSignaturesAreRefused(@TempDir Path dir) throws Exception {
        SignatureConfig.register();
        Path file = dir.resolve("tink-prefixed.json");
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519), InsecureSecretKeyAccess.get()));
        assertThatThrownBy(() -> new SigningKeys(ORIGIN, file)).hasMessageContaining("without output prefix");
    }
}
