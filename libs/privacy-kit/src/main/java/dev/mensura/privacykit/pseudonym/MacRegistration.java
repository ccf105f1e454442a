package dev.mensura.privacykit.pseudonym;

import com.google.crypto.tink.mac.MacConfig;
import java.security.GeneralSecurityException;

/**
 * Registers Tink's MAC key managers and serializations exactly once per class loader.
 * Keyset parsing, key generation and primitive creation all go through Tink's global
 * registry, so every entry point of this package calls {@link #ensure()} first.
 */
final class MacRegistration {

    private MacRegistration() {
    }

    /** The holder idiom makes registration lazy, thread-safe and one-shot without locks. */
    private static final class Holder {
        static final boolean REGISTERED = register();

        private static boolean register() {
            try {
                MacConfig.register();
                return true;
            } catch (GeneralSecurityException e) {
                // Only happens when Tink itself is broken (e.g. FIPS-only mode without HMAC):
                // nothing in the service can produce pseudonyms then, so fail loudly.
                throw new IllegalStateException("cannot register Tink MAC primitives", e);
            }
        }
    }

    static void ensure() {
        if (!Holder.REGISTERED) {
            throw new IllegalStateException("Tink MAC registration failed");
        }
    }
}
