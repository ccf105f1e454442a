package dev.mensura.privacykit.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.mac.HmacKey;
import com.google.crypto.tink.mac.HmacParameters;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    private final KeysetHandle keyset = PseudonymKeys.generate();
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(keyset);

    @Test
    void isTheBase64urlHmacSha256OfKindColonId() throws Exception {
        // Recompute with the JDK's HMAC from the raw key: proves the construction, not just
        // that Tink agrees with itself.
        HmacKey key = (HmacKey) keyset.getPrimary().getKey();
        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(key.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get()), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(jdk.doFinal("subject:user-4711".getBytes(StandardCharsets.UTF_8)));

        assertThat(pseudonymizer.pseudonym("subject", "user-4711")).isEqualTo(expected);
    }

    @Test
    void generatedKeysAreHmacSha256With32ByteKeyAndTagAndNoPrefix() {
        HmacKey key = (HmacKey) keyset.getPrimary().getKey();
        HmacParameters p = key.getParameters();
        assertThat(p.getHashType()).isEqualTo(HmacParameters.HashType.SHA256);
        assertThat(p.getKeySizeBytes()).isEqualTo(32);
        assertThat(p.getCryptographicTagSizeBytes()).isEqualTo(32);
        assertThat(p.getVariant()).isEqualTo(HmacParameters.Variant.NO_PREFIX);
        assertThat(key.getOutputPrefix().size()).isZero();
    }

    @Test
    void deterministicAcrossCallsAndInstances() {
        String a = pseudonymizer.pseudonym("job", "3f9c");
        assertThat(pseudonymizer.pseudonym("job", "3f9c")).isEqualTo(a);
        assertThat(new Pseudonymizer(keyset).pseudonym("job", "3f9c")).isEqualTo(a);
    }

    @Test
    void base64urlWithoutPaddingOf32Bytes() {
        String p = pseudonymizer.pseudonym("subject", "ä€\uD83D\uDE00");
        assertThat(p).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(p)).hasSize(32);
    }

    @Test
    void kindsSeparateNamespaces() {
        assertThat(pseudonymizer.pseudonym("subject", "42"))
                .isNotEqualTo(pseudonymizer.pseudonym("job", "42"));
    }

    @Test
    void differentIdsAndDifferentKeysGiveDifferentPseudonyms() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(pseudonymizer.pseudonym("subject", "user-" + i));
        }
        assertThat(seen).hasSize(1000);

        Pseudonymizer other = new Pseudonymizer(PseudonymKeys.generate());
        assertThat(other.pseudonym("subject", "user-1"))
                .isNotEqualTo(pseudonymizer.pseudonym("subject", "user-1"));
    }

    @Test
    void ambiguousOrMissingInputIsRejected() {
        // "a:b" + ":" + "c" would equal "a" + ":" + "b:c"
        assertThatThrownBy(() -> pseudonymizer.pseudonym("a:b", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pseudonymizer.pseudonym("", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pseudonymizer.pseudonym(null, "c")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> pseudonymizer.pseudonym("job", null)).isInstanceOf(NullPointerException.class);
        assertThat(pseudonymizer.pseudonym("a", "b:c")).isNotEqualTo(pseudonymizer.pseudonym("a", "b"));
    }

    @Test
    void prefixedKeysetsAreRefusedBecausePseudonymsWouldCarryTheKeyId() throws Exception {
        KeysetHandle tinkPrefixed = KeysetHandle.generateNew(HmacParameters.builder()
                .setKeySizeBytes(32).setTagSizeBytes(32)
                .setHashType(HmacParameters.HashType.SHA256)
                .setVariant(HmacParameters.Variant.TINK).build());
        assertThatThrownBy(() -> new Pseudonymizer(tinkPrefixed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RAW");
    }
}
