package dev.mensura.edge.tls;

import dev.mensura.edge.identity.ServiceIdentity;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a server when its chain leads to the CA and its certificate names the one service this
 * client meant to reach. It replaces the host name check on purpose: vision reaches the ingest
 * pod that holds a photo by its address, which no certificate can name, and a service name is a
 * stronger statement than a host name anyway. A client-side manager only.
 */
final class PeerIdentityTrustManager extends X509ExtendedTrustManager {
    private final X509TrustManager ca;
    private final String peerService;

    PeerIdentityTrustManager(X509TrustManager ca, String peerService) {
        this.ca = ca;
        this.peerService = peerService;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        ca.checkServerTrusted(chain, authType);
        if (chain == null || chain.length == 0 || !ServiceIdentity.of(chain[0]).map(peerService::equals).orElse(false)) {
            throw new CertificateException("the server's certificate does not name " + peerService);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client-side trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return ca.getAcceptedIssuers();
    }
}
