package dev.mensura.privacykit.pseudonym;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every service the same {@link Pseudonymizer}, keyed by the keyset file that
 * {@code mensura.pseudonym.keyset-file} names (a mounted Secret; dev/run creates one).
 */
@ApplicationScoped
public class PseudonymizerProducer {

    @Produces
    @Singleton
    Pseudonymizer pseudonymizer(@ConfigProperty(name = "mensura.pseudonym.keyset-file") Path keysetFile) {
        try {
            return Pseudonymizer.fromKeysetFile(keysetFile);
        } catch (IOException e) {
            throw new UncheckedIOException("pseudonym keyset cannot be read", e);
        }
    }
}
