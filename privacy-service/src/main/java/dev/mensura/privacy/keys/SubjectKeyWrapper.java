package dev.mensura.privacy.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Creates subject keysets and wraps/unwraps them with the KEK. The wrapped form is bound to its
 * subject (associated data), so a wrapped keyset copied to another subject's row will not open.
 */
public final class SubjectKeyWrapper {
    private static final String CONTEXT = "mensura:subject-key:v1|";

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SubjectKeyWrapper() {
    }

    /** A fresh AES-256-GCM keyset for one subject. */
    public static KeysetHandle newKeyset() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keyset generation failed", e);
        }
    }

    public static byte[] wrap(KeysetHandle keyset, Aead kek, String subjectPseudonym) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, kek, context(subjectPseudonym));
    }

    public static KeysetHandle unwrap(byte[] wrapped, Aead kek, String subjectPseudonym) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek, context(subjectPseudonym));
    }

    /** Unwraps with whichever KEK key made it and wraps again with the KEK's primary key. */
    public static byte[] rewrap(byte[] wrapped, Aead kek, String subjectPseudonym) throws GeneralSecurityException {
        return wrap(unwrap(wrapped, kek, subjectPseudonym), kek, subjectPseudonym);
    }

    /** The keyset as services receive it over the authenticated internal endpoint. */
    public static String toJson(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    private static byte[] context(String subjectPseudonym) {
        return (CONTEXT + subjectPseudonym).getBytes(StandardCharsets.UTF_8);
    }
}
