package dev.mensura.privacykit.crypto;

import com.google.crypto.tink.aead.AeadConfig;
import java.security.GeneralSecurityException;

/**
 * Registers Tink's AEAD key managers and serializations exactly once per class loader; keyset
 * parsing and primitive creation go through Tink's global registry.
 */
final class AeadRegistration {

    private AeadRegistration() {
    }

    /** The holder idiom makes registration lazy, thread-safe and one-shot without locks. */
    private static final class Holder {
        static final boolean REGISTERED = register();

        private static boolean register() {
            try {
                AeadConfig.register();
                return true;
            } catch (GeneralSecurityException e) {
                // Only happens when Tink itself is broken (e.g. a FIPS-only mode without
                // AES-GCM): nothing can be encrypted then, so fail loudly.
                throw new IllegalStateException("cannot register Tink AEAD primitives", e);
            }
        }
    }

    static void ensure() {
        if (!Holder.REGISTERED) {
            throw new IllegalStateException("Tink AEAD registration failed");
        }
    }
}
