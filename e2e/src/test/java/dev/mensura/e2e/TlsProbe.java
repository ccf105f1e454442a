package dev.mensura.e2e;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS client in its own JVM, for protocol versions this JVM's own security settings would
 * refuse before a byte is sent (TLS 1.1): {@link TransportSecurityIT} starts it with
 * {@code jdk.tls.disabledAlgorithms} relaxed, so that the refusal it sees is the server's.
 *
 * <pre>java -cp test-classes dev.mensura.e2e.TlsProbe host port ca.pem PROTOCOL [CIPHER]</pre>
 * prints {@code OK <protocol> <cipher>} or {@code FAILED <exception>: <message>}.
 */
public final class TlsProbe {
    private TlsProbe() {
    }

    public static void main(String[] args) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[2])))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(args[0], Integer.parseInt(args[1]))) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {args[3]});
            if (args.length > 4) {
                socket.setEnabledCipherSuites(new String[] {args[4]});
            }
            socket.startHandshake();
            System.out.println("OK " + socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite());
        } catch (Exception e) {
            System.out.println("FAILED " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
