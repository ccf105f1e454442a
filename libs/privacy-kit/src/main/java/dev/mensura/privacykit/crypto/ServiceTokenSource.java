package dev.mensura.privacykit.crypto;

/** The calling service's current short-lived token for internal endpoints; each service provides one bean. */
@FunctionalInterface
public interface ServiceTokenSource {
    String current();
}
