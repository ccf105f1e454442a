package dev.mensura.privacykit.transport;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * How one Mensura service reaches another over HTTP. With TLS configured (libs/edge
 * {@code ServiceTls}) the client presents this service's certificate and accepts only a server
 * whose certificate names {@code peerService}; the supplier hands out a new client after the
 * certificates were renewed. {@link #PLAIN} is for loopback tests without TLS.
 */
public interface PeerClients {
    PeerClients PLAIN = (peerService, base) -> {
        HttpClient client = base.get().build();
        return () -> client;
    };

    /**
     * @param peerService the service the server must prove to be, e.g. {@code privacy-service}
     * @param base        the client's other settings (timeouts, redirects); TLS is added to it
     */
    Supplier<HttpClient> clientFor(String peerService, Supplier<HttpClient.Builder> base);
}
