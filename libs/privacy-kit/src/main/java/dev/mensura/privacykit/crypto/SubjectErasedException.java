package dev.mensura.privacykit.crypto;

/**
 * The subject has been erased: privacy-service destroyed its data key (crypto-shredding,
 * invariant I5), so nothing encrypted for it can be read or written any more. Callers must treat
 * this as final and must not fall back to any other data.
 *
 * <p>The message never names the subject (invariant I6: exceptions end up in logs).
 */
public class SubjectErasedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SubjectErasedException() {
        this("the subject has been erased; its data key no longer exists");
    }

    public SubjectErasedException(String message) {
        super(message);
    }
}
