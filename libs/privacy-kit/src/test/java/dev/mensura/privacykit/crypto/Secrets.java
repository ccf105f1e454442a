package dev.mensura.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers: fresh keysets, and the check that no secret leaks into exception messages. */
final class Secrets {

    private Secrets() {
    }

    static KeysetHandle newAes256GcmKeyset() {
        AeadRegistration.ensure();
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toJson(KeysetHandle handle) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every textual form of the key material a message could leak: the serialized keyset, the
     * base64 "value" fields inside it, and the raw AES key as base64 and hex.
     */
    static List<String> keyMaterialForms(KeysetHandle handle) {
        String json = toJson(handle);
        List<String> forms = new ArrayList<>(List.of(json));
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            forms.add(m.group(1));
        }
        byte[] raw = ((AesGcmKey) handle.getPrimary().getKey()).getKeyBytes()
                .toByteArray(InsecureSecretKeyAccess.get());
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(raw));
        forms.add(HexFormat.of().formatHex(raw));
        return forms;
    }

    /** Neither the exception nor any cause or suppressed one mentions any of {@code secrets}. */
    static void assertNoSecretIn(Throwable thrown, List<String> secrets) {
        assertThat(thrown).isNotNull();
        List<Throwable> all = new ArrayList<>();
        collect(thrown, all);
        for (Throwable t : all) {
            String text = t.getMessage() + " | " + t.getLocalizedMessage() + " | " + t;
            for (String secret : secrets) {
                assertThat(text).as("message of %s", t.getClass().getName()).doesNotContain(secret);
            }
        }
    }

    private static void collect(Throwable t, List<Throwable> out) {
        if (t == null || out.contains(t)) {
            return;
        }
        out.add(t);
        collect(t.getCause(), out);
        for (Throwable s : t.getSuppressed()) {
            collect(s, out);
        }
    }
}
