package dev.mensura.edge.tls;

import dev.mensura.privacykit.crypto.JwtServiceTokens;
import dev.mensura.privacykit.crypto.ServiceTokenSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every service's token source for its internal calls (consent checks, key fetches, the photo
 * hand-over): none with TLS, where its client certificate identifies it and it holds no key to
 * sign tokens with; without TLS (a service's own tests on loopback) a 2-minute service JWT whose
 * subject is the service's name ({@code quarkus.application.name}).
 */
@ApplicationScoped
public class ServiceTokenProducer {

    @Produces
    @ApplicationScoped
    ServiceTokenSource tokens(ServiceTls tls,
                              @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                              @ConfigProperty(name = "quarkus.application.name") String service) {
        return tls.enabled() ? ServiceTokenSource.NONE : new JwtServiceTokens(issuer, service);
    }
}
