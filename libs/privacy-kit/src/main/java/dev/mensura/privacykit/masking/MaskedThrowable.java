package dev.mensura.privacykit.masking;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Stand-in for a logged exception whose message contained PII. Throwable messages are
 * immutable, so the log filter replaces the record's thrown exception with this copy: same
 * stack trace, same causes and suppressed exceptions (also masked), and a {@link #toString()}
 * that still starts with the original class name, so stack traces read as before.
 *
 * <p>It is only ever attached to log records, never thrown.
 */
public final class MaskedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalClassName;
    private final String maskedToString;

    private MaskedThrowable(Throwable original, String maskedMessage, String maskedToString) {
        super(maskedMessage); // leaves the cause unset, so copy() can initCause() it
        this.originalClassName = original.getClass().getName();
        this.maskedToString = maskedToString;
        setStackTrace(original.getStackTrace());
    }

    /** The class of the exception this stands in for. */
    public String originalClassName() {
        return originalClassName;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the original's stack trace is copied in; capturing our own is wasted work
    }

    @Override
    public String toString() {
        return maskedToString;
    }

    /**
     * @return {@code t} itself if nothing in its cause/suppressed graph contains PII, otherwise
     *         a masked copy of the whole graph
     */
    static Throwable mask(Throwable t) {
        if (t == null || !containsPii(t, new IdentityHashMap<>())) {
            return t;
        }
        return copy(t, new IdentityHashMap<>());
    }

    private static boolean containsPii(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        String text = safeToString(t);
        if (!PiiMasker.maskText(text).equals(text)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (containsPii(s, seen)) {
                return true;
            }
        }
        return containsPii(t.getCause(), seen);
    }

    private static Throwable copy(Throwable t, Map<Throwable, Throwable> copies) {
        Throwable done = copies.get(t);
        if (done != null) {
            return done; // cause cycles exist in the wild; keep them finite
        }
        MaskedThrowable m = new MaskedThrowable(t, PiiMasker.maskText(safeMessage(t)),
                PiiMasker.maskText(safeToString(t)));
        copies.put(t, m);
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            m.initCause(copy(cause, copies));
        }
        for (Throwable s : t.getSuppressed()) {
            m.addSuppressed(copy(s, copies));
        }
        return m;
    }

    // Exceptions may compute messages lazily and fail doing so; the filter must not.
    private static String safeMessage(Throwable t) {
        try {
            return t.getLocalizedMessage();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String safeToString(Throwable t) {
        try {
            return String.valueOf(t);
        } catch (RuntimeException e) {
            return t.getClass().getName();
        }
    }
}
