package dev.mensura.audit.export;

import dev.mensura.edge.tls.ServiceTls;
import dev.mensura.privacykit.crypto.ServiceTokenSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** audit's service token, for SubjectCrypto's key fetches when it seals a subject's export part. */
@ApplicationScoped
public class ServiceTokenProducer {

    @Produces
    @ApplicationScoped
    ServiceTokenSource tokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer, ServiceTls tls) {
        return tls.tokens(issuer, AuditExport.SERVICE);
    }
}
