package dev.mensura.privacykit.pseudonym;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request as every service stores and compares it: the pseudonym of
 * the JWT's {@code sub}, never the raw identifier (I6).
 */
@RequestScoped
public class CurrentSubject {
    private final JsonWebToken jwt;
    private final Pseudonymizer pseudonyms;

    public CurrentSubject(JsonWebToken jwt, Pseudonymizer pseudonyms) {
        this.jwt = jwt;
        this.pseudonyms = pseudonyms;
    }

    public String pseudonym() {
        return pseudonyms.pseudonym("subject", jwt.getSubject());
    }
}
