package dev.mensura.privacykit.crypto;

import dev.mensura.privacykit.transport.PeerClients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One {@link SubjectCrypto} per service, fetching keys from privacy-service
 * ({@code mensura.privacy.url}) with the service's own token and caching them in memory only,
 * for {@code mensura.subject-crypto.cache-ttl} (60 s by default).
 */
@ApplicationScoped
public class SubjectCryptoProducer {

    @Produces
    @Singleton
    SubjectCrypto subjectCrypto(@ConfigProperty(name = "mensura.privacy.url") URI privacyUrl,
                                @ConfigProperty(name = "mensura.subject-crypto.cache-ttl", defaultValue = "60s")
                                Duration cacheTtl,
                                Instance<ServiceTokenSource> tokens,
                                Instance<PeerClients> peers) {
        // Looked up lazily: services that never seal anything (privacy itself) need no token source.
        if (!tokens.isResolvable()) {
            throw new IllegalStateException("SubjectCrypto needs a ServiceTokenSource bean in this service");
        }
        ServiceTokenSource source = tokens.get();
        // libs/edge's ServiceTls where the service has it (every service does); plain otherwise.
        return SubjectCrypto.overHttp(privacyUrl, source::current, cacheTtl,
                peers.isResolvable() ? peers.get() : PeerClients.PLAIN);
    }
}
