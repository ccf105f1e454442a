package dev.mensura.privacykit.crypto;

/**
 * The calling service's current short-lived token for internal endpoints; each service provides one
 * bean. {@link #NONE} where the service is identified by its TLS client certificate instead (every
 * deployment with TLS): it sends no token then, and holds no key to sign one.
 */
@FunctionalInterface
public interface ServiceTokenSource {
    ServiceTokenSource NONE = () -> null;

    /** The token, or null when the service sends none (its client certificate identifies it). */
    String current();
}
