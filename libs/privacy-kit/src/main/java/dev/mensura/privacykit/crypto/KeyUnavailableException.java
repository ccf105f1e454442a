package dev.mensura.privacykit.crypto;

/**
 * A subject's data key could not be obtained (privacy-service unreachable, refused the service
 * token, answered something unexpected ...). Usually transient, unlike
 * {@link SubjectErasedException}.
 *
 * <p>The message never contains key material, the service token or the subject's pseudonym.
 */
public class KeyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyUnavailableException(String message) {
        super(message);
    }

    public KeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
