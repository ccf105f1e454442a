package dev.mensura.edge.tls;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTPS server asks every client for a certificate but does not insist: apps behind the
 * gateway have none, services present theirs, and {@link dev.mensura.edge.identity.CallerServiceFilter}
 * insists where it matters. A certificate that does not chain to the CA fails the handshake.
 *
 * <p>Set here rather than with {@code quarkus.http.ssl.client-auth}: that property also installs
 * Quarkus' mTLS authentication mechanism, which would compete with the bearer token for the
 * request's identity. Vert.x keeps this setting when the certificates are reloaded.
 */
@ApplicationScoped
public class ClientCertificateRequest implements HttpServerOptionsCustomizer {
    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setClientAuth(ClientAuth.REQUEST);
    }
}
