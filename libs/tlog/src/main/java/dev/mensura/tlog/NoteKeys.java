package dev.mensura.tlog;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** Ed25519 keys as C2SP signed notes name them (algorithm byte 0x01), turned into Tink primitives. */
public final class NoteKeys {
    static final byte ED25519 = 0x01;

    static {
        try {
            SignatureConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private NoteKeys() {
    }

    /** The 4-byte key hash: the first bytes of SHA-256(name || 0x0A || 0x01 || public key). */
    public static byte[] keyHash(String name, byte[] publicKey) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] material = new byte[n.length + 2 + publicKey.length];
        System.arraycopy(n, 0, material, 0, n.length);
        material[n.length] = '\n';
        material[n.length + 1] = ED25519;
        System.arraycopy(publicKey, 0, material, n.length + 2, publicKey.length);
        return Arrays.copyOf(Hashes.sha256(material), 4);
    }

    /** A Tink verifier for a raw 32-byte Ed25519 public key (signatures without a Tink prefix). */
    public static PublicKeyVerify verifier(byte[] publicKey) throws GeneralSecurityException {
        KeysetHandle handle = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(Ed25519PublicKey.create(Bytes.copyFrom(publicKey))).withRandomId()
                        .makePrimary())
                .build();
        return handle.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
    }

    /** A Tink signer from a raw 32-byte Ed25519 seed (test vectors; services load Tink keysets). */
    public static PublicKeySign signerFromSeed(byte[] seed) throws GeneralSecurityException {
        byte[] publicKey = com.google.crypto.tink.subtle.Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
        Ed25519PrivateKey key = Ed25519PrivateKey.create(Ed25519PublicKey.create(Bytes.copyFrom(publicKey)),
                SecretBytes.copyFrom(seed, InsecureSecretKeyAccess.get()));
        KeysetHandle handle = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build();
        return handle.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
    }

    /** The raw public key of the primary (or only) Ed25519 key of a Tink keyset. */
    public static byte[] publicKeyOf(KeysetHandle.Entry entry) {
        var key = entry.getKey();
        if (key instanceof Ed25519PrivateKey p) {
            return p.getPublicKey().getPublicKeyBytes().toByteArray();
        }
        if (key instanceof Ed25519PublicKey p) {
            return p.getPublicKeyBytes().toByteArray();
        }
        throw new IllegalArgumentException("not an Ed25519 key");
    }
}
