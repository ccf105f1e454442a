package dev.mensura.edge.tls;

import dev.mensura.privacykit.transport.PeerClients;
import io.quarkus.tls.CertificateUpdatedEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's side of service-to-service calls: its certificate as the client certificate,
 * the CA as the only trust anchor, TLS 1.3/1.2 with the same suites the server accepts, and the
 * server checked by the service identity in its certificate ({@link PeerIdentityTrustManager}),
 * not by host name. Built from the same TLS registry configuration the server uses; after
 * cert-manager renewed the files and the registry reloaded them, the next request gets a client
 * built from the new ones.
 */
@ApplicationScoped
public class ServiceTls implements PeerClients {
    private final Optional<TlsConfiguration> tls;
    private final Vertx vertx;
    private final AtomicLong generation = new AtomicLong();

    public ServiceTls(TlsConfigurationRegistry registry, Vertx vertx,
                      @ConfigProperty(name = TransportSecurityConfig.CERT) Optional<String> certificate) {
        this.tls = certificate.isPresent() ? registry.get(TransportSecurityConfig.NAME) : Optional.empty();
        this.vertx = vertx;
        if (certificate.isPresent() && tls.isEmpty()) {
            throw new IllegalStateException("mensura.tls.cert is set but the TLS registry has no configuration "
                    + TransportSecurityConfig.NAME);
        }
    }

    public boolean enabled() {
        return tls.isPresent();
    }

    void renewed(@Observes CertificateUpdatedEvent event) {
        generation.incrementAndGet();
    }

    @Override
    public Supplier<HttpClient> clientFor(String peerService, Supplier<HttpClient.Builder> base) {
        if (tls.isEmpty()) {
            return PeerClients.PLAIN.clientFor(peerService, base);
        }
        return new Renewing(peerService, base);
    }

    private HttpClient build(String peerService, Supplier<HttpClient.Builder> base) {
        SSLParameters parameters = new SSLParameters(
                TransportSecurityConfig.CIPHER_SUITES.toArray(String[]::new),
                TransportSecurityConfig.PROTOCOLS.split(","));
        return base.get().sslContext(sslContext(peerService)).sslParameters(parameters).build();
    }

    private SSLContext sslContext(String peerService) {
        TlsConfiguration configuration = tls.orElseThrow();
        try {
            KeyManagerFactory keys = configuration.getKeyStoreOptions().getKeyManagerFactory(vertx);
            TrustManagerFactory anchors = configuration.getTrustStoreOptions().getTrustManagerFactory(vertx);
            X509TrustManager ca = null;
            for (TrustManager manager : anchors.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    ca = x509;
                    break;
                }
            }
            if (ca == null) {
                throw new IllegalStateException("the TLS trust store yields no X.509 trust manager");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), new TrustManager[] {new PeerIdentityTrustManager(ca, peerService)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the TLS client context (" + e.getClass().getName() + ")", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read this service's TLS key or trust store ("
                    + e.getClass().getName() + ")", e);
        }
    }

    /** One client per caller, rebuilt when the registry has reloaded the certificates. */
    private final class Renewing implements Supplier<HttpClient> {
        private final String peerService;
        private final Supplier<HttpClient.Builder> base;
        private long builtFor = -1;
        private HttpClient client;

        Renewing(String peerService, Supplier<HttpClient.Builder> base) {
            this.peerService = peerService;
            this.base = base;
        }

        @Override
        public synchronized HttpClient get() {
            long current = generation.get();
            if (client == null || builtFor != current) {
                client = build(peerService, base);
                builtFor = current;
            }
            return client;
        }
    }
}
