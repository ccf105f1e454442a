package dev.mensura.tlog;

import com.google.crypto.tink.PublicKeyVerify;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP signed-note verifier key, {@code <name>+<hash as 8 hex digits>+<base64(0x01 || public key)>}:
 * the one thing a checkpoint's reader must trust.
 */
public final class VerifierKey {
    private final String name;
    private final byte[] hash;
    private final byte[] publicKey;
    private final PublicKeyVerify verify;

    private VerifierKey(String name, byte[] publicKey) {
        this.name = name;
        this.publicKey = publicKey.clone();
        this.hash = NoteKeys.keyHash(name, publicKey);
        try {
            this.verify = NoteKeys.verifier(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key");
        }
    }

    public static VerifierKey of(String name, byte[] publicKey) {
        checkName(name);
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        return new VerifierKey(name, publicKey);
    }

    public static VerifierKey parse(String vkey) {
        String s = vkey.strip();
        int first = s.indexOf('+');
        int second = first < 0 ? -1 : s.indexOf('+', first + 1);
        if (first <= 0 || second < 0) {
            throw new IllegalArgumentException("a verifier key is name+hash+key");
        }
        String name = s.substring(0, first);
        String hashHex = s.substring(first + 1, second);
        byte[] material;
        try {
            material = Base64.getDecoder().decode(s.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key part of a verifier key is not base64");
        }
        if (material.length != 33 || material[0] != NoteKeys.ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys (type 0x01) are supported");
        }
        VerifierKey key = of(name, Arrays.copyOfRange(material, 1, 33));
        if (!hashHex.equals(HexFormat.of().formatHex(key.hash))) {
            throw new IllegalArgumentException("the verifier key's hash does not match its name and key");
        }
        return key;
    }

    public String name() {
        return name;
    }

    byte[] hash() {
        return hash.clone();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    boolean verifies(byte[] signature, byte[] message) {
        try {
            verify.verify(signature, message);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The text form, as published at the audit API's {@code /public-key}. */
    @Override
    public String toString() {
        byte[] material = new byte[33];
        material[0] = NoteKeys.ED25519;
        System.arraycopy(publicKey, 0, material, 1, 32);
        return name + "+" + HexFormat.of().formatHex(hash) + "+" + Base64.getEncoder().encodeToString(material);
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c == '+' || c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
        }
    }
}
