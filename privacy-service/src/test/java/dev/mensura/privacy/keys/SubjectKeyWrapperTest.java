package dev.mensura.privacy.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KeysetManager;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.proto.KeyTemplate;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SubjectKeyWrapperTest {
    private static final String ALICE = "a".repeat(43);
    private static final String BOB = "b".repeat(43);
    private static final byte[] RECORD = "height=181".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void register() throws GeneralSecurityException {
        AeadConfig.register();
    }

    @Test
    void wrappedKeysetsOpenOnlyForTheirSubjectAndOnlyWithTheKek() throws GeneralSecurityException {
        Aead kek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM).getPrimitive(Aead.class);
        Aead otherKek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM).getPrimitive(Aead.class);
        KeysetHandle keyset = SubjectKeyWrapper.newKeyset();
        byte[] ciphertext = keyset.getPrimitive(Aead.class).encrypt(RECORD, new byte[0]);

        byte[] wrapped = SubjectKeyWrapper.wrap(keyset, kek, ALICE);

        KeysetHandle back = SubjectKeyWrapper.unwrap(wrapped, kek, ALICE);
        assertThat(back.getPrimitive(Aead.class).decrypt(ciphertext, new byte[0])).isEqualTo(RECORD);
        assertThatThrownBy(() -> SubjectKeyWrapper.unwrap(wrapped, kek, BOB)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> SubjectKeyWrapper.unwrap(wrapped, otherKek, ALICE))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void kekRotationRewrapsWithoutTouchingTheData() throws GeneralSecurityException {
        KeysetHandle oldKek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        KeysetHandle keyset = SubjectKeyWrapper.newKeyset();
        byte[] ciphertext = keyset.getPrimitive(Aead.class).encrypt(RECORD, new byte[0]);
        byte[] wrappedByOld = SubjectKeyWrapper.wrap(keyset, oldKek.getPrimitive(Aead.class), ALICE);

        // Rotation step 1: a new primary key is added; the old one stays until everything is re-wrapped.
        KeysetManager manager = KeysetManager.withKeysetHandle(oldKek);
        int newKeyId = manager.addNewKey(KeyTemplate.newBuilder()
                .setTypeUrl("type.googleapis.com/google.crypto.tink.AesGcmKey")
                .setValue(com.google.crypto.tink.proto.AesGcmKeyFormat.newBuilder().setKeySize(32).build().toByteString())
                .setOutputPrefixType(com.google.crypto.tink.proto.OutputPrefixType.TINK).build(), true);
        KeysetHandle bothKeys = manager.getKeysetHandle();
        byte[] rewrapped = SubjectKeyWrapper.rewrap(wrappedByOld, bothKeys.getPrimitive(Aead.class), ALICE);

        // Rotation step 2: the old key is removed; re-wrapped keysets still open, old wrappings do not.
        KeysetHandle newOnly = KeysetManager.withKeysetHandle(bothKeys).delete(oldKek.getPrimary().getId()).getKeysetHandle();
        assertThat(newOnly.getPrimary().getId()).isEqualTo(newKeyId);
        Aead newKek = newOnly.getPrimitive(Aead.class);
        KeysetHandle opened = SubjectKeyWrapper.unwrap(rewrapped, newKek, ALICE);
        assertThat(opened.getPrimitive(Aead.class).decrypt(ciphertext, new byte[0])).isEqualTo(RECORD);
        assertThatThrownBy(() -> SubjectKeyWrapper.unwrap(wrappedByOld, newKek, ALICE))
                .isInstanceOf(GeneralSecurityException.class);
    }
}
