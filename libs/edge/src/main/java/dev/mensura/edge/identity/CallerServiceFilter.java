package dev.mensura.edge.identity;

import dev.mensura.edge.tls.TransportSecurityConfig;
import dev.mensura.problem.ProblemException;
import dev.mensura.edge.audit.AccessAudit;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.security.Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link CallerServices}: the photo hand-over answers vision alone, the key endpoint the
 * services that seal data. With TLS configured the caller must present a certificate from the
 * CA naming an allowed service, and must have been authenticated as that service
 * ({@link ServiceCertificateAuthentication} does so from the certificate): a service token, even
 * a valid one, opens nothing without the certificate. Without TLS (a service's own tests on
 * loopback, where {@link dev.mensura.edge.tls.PlaintextGuard} allows it) the token's subject names
 * the caller. Refusals are 403 problem+json {@code caller-not-allowed}, and audited by
 * {@link AccessAudit}.
 */
@Singleton
public class CallerServiceFilter {
    private final boolean certificateRequired;

    public CallerServiceFilter(@ConfigProperty(name = TransportSecurityConfig.CERT) Optional<String> certificate) {
        this.certificateRequired = certificate.isPresent();
    }

    @ServerRequestFilter
    public void check(ContainerRequestContext context, ResourceInfo resource, RoutingContext routing) {
        CallerServices allowed = allowedCallers(resource);
        if (allowed == null) {
            return;
        }
        Principal principal = context.getSecurityContext() == null ? null : context.getSecurityContext().getUserPrincipal();
        String tokenSubject = principal == null ? null : principal.getName();
        Optional<String> certified = certificateRequired ? certifiedService(routing.request().sslSession()) : Optional.ofNullable(tokenSubject);
        String reason = refusal(allowed.value(), tokenSubject, certified);
        if (reason != null) {
            routing.put(AccessAudit.REFUSAL_REASON, reason);
            throw new ProblemException("caller-not-allowed", "Caller not allowed", 403,
                    "This internal endpoint answers only the services it serves, proven by certificate and token.");
        }
    }

    /** Why the call is refused, or null: a short reason for the audit log, never a name from the request. */
    static String refusal(String[] allowed, String tokenSubject, Optional<String> certifiedService) {
        if (certifiedService.isEmpty()) {
            return "no-service-identity";
        }
        String service = certifiedService.get();
        if (allowed.length > 0 && Arrays.stream(allowed).noneMatch(service::equals)) {
            return "service-not-allowed";
        }
        if (!service.equals(tokenSubject)) {
            return "identity-mismatch";
        }
        return null;
    }

    static Optional<String> certifiedService(SSLSession session) {
        if (session == null) {
            return Optional.empty();
        }
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
        // The handshake already verified the chain against the CA; the leaf names the caller.
        return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? ServiceIdentity.of(leaf) : Optional.empty();
    }

    private static CallerServices allowedCallers(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        CallerServices onMethod = resource.getResourceMethod().getAnnotation(CallerServices.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(CallerServices.class);
    }
}
