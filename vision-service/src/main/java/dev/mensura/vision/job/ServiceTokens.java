package dev.mensura.vision.job;

import dev.mensura.edge.tls.ServiceTls;
import dev.mensura.privacykit.crypto.ServiceTokenSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** vision's service token: the photo hand-over and SubjectCrypto's key fetches. */
@ApplicationScoped
public class ServiceTokens {

    @Produces
    @ApplicationScoped
    ServiceTokenSource tokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer, ServiceTls tls) {
        return tls.tokens(issuer, "vision-service");
    }
}
