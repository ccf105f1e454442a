package dev.mensura.edge.identity;

import dev.mensura.edge.tls.TransportSecurityConfig;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With TLS, a Mensura service calling an internal endpoint is authenticated by its client
 * certificate alone: the identity {@code spiffe://mensura/<service>} in a certificate from the CA
 * becomes a caller named after the service, with the role {@code service}. No service signs tokens
 * then, so no pod holds a key that could sign a token the public API would accept; only the OIDC
 * issuer can.
 *
 * <p>Tried before the bearer-token mechanism, and only on the internal paths
 * ({@code mensura.edge.service-identity.paths}); elsewhere, and where no service certificate was
 * presented, it steps aside and the bearer token decides (the internal endpoints then refuse the
 * caller in {@link CallerServiceFilter}, for want of a certificate). Without TLS (a service's own
 * tests on loopback) it never applies and service tokens authenticate as before.
 */
@ApplicationScoped
public class ServiceCertificateAuthentication implements HttpAuthenticationMechanism {
    /** Above the bearer-token mechanism's default priority. */
    static final int PRIORITY = HttpAuthenticationMechanism.DEFAULT_PRIORITY + 1000;

    private final boolean tls;
    private final Pattern internalPaths;

    public ServiceCertificateAuthentication(
            @ConfigProperty(name = TransportSecurityConfig.CERT) Optional<String> certificate,
            @ConfigProperty(name = "mensura.edge.service-identity.paths", defaultValue = "/internal/.*|/v1/audit/entries")
            String internalPaths) {
        this.tls = certificate.isPresent();
        this.internalPaths = Pattern.compile(internalPaths);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!tls || !internalPaths.matcher(context.request().path()).matches()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        Optional<String> service = CallerServiceFilter.certifiedService(context.request().sslSession());
        if (service.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(service.get()))
                .addRole("service")
                .build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().optional(Optional.empty());
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
