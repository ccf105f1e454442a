package dev.mensura.privacykit.crypto;

/**
 * A ciphertext did not decrypt with the subject's key at the given place: it was tampered with,
 * truncated, belongs to another subject or another place, or is not a ciphertext at all (also
 * thrown for malformed base64). The message names neither the subject nor any data.
 */
public class DecryptionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DecryptionFailedException(String message) {
        super(message);
    }

    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
