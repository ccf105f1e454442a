package dev.mensura.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A local certificate authority and one certificate per Mensura service, as cert-manager makes
 * them in Kubernetes: ECDSA P-256, server and client use, DNS {@code localhost} and the service
 * name, IP 127.0.0.1, and the service identity {@code spiffe://mensura/<service>} that internal
 * endpoints check. Files per name: {@code <name>.crt}, {@code <name>.key} (PKCS#8 PEM, 0600),
 * and {@code ca.crt}: the three a service reads from MENSURA_TLS_CERT, _KEY and _CA.
 *
 * <p>{@link #ensure(Path)} is dev/run's ({@code .dev/tls}, kept and remade when the CA is missing
 * or has less than a week left); {@link #create(Path, List)} makes a fresh authority, which tests
 * also use for a second, untrusted one. Private keys never leave the directory.
 */
public final class DevCertificates {
    public static final List<String> SERVICES = List.of("privacy-service", "ingest-service", "vision-service",
            "fitting-service", "audit-service");
    public static final String CA = "ca";
    private static final Duration VALIDITY = Duration.ofDays(90);
    private static final Duration RENEW_BEFORE = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    /** The authority's certificate and key, kept in memory only by {@link #create}: for {@link #reissue}. */
    private final X509Certificate caCertificate;
    private final PrivateKey caKey;

    private DevCertificates(Path dir, X509Certificate caCertificate, PrivateKey caKey) {
        this.dir = dir;
        this.caCertificate = caCertificate;
        this.caKey = caKey;
    }

    /** dev/run's authority in {@code dir}: kept while valid for another week, otherwise made anew. */
    public static DevCertificates ensure(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        Path ca = d.resolve(CA + ".crt");
        if (Files.exists(ca)) {
            try {
                X509Certificate existing = readCertificate(ca);
                boolean complete = SERVICES.stream().allMatch(s -> Files.exists(d.resolve(s + ".crt"))
                        && Files.exists(d.resolve(s + ".key")));
                if (complete && existing.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))) {
                    return new DevCertificates(d, null, null);
                }
            } catch (RuntimeException unreadable) {
                // made anew below
            }
        }
        return create(d, SERVICES);
    }

    /** A new authority in {@code dir} with a certificate for each of {@code names} (replacing files there). */
    public static DevCertificates create(Path dir, List<String> names) {
        Path d = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(d);
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
            KeyPair caKeys = ecKeyPair();
            X500Name caName = new X500Name("CN=Mensura development CA " + Long.toHexString(RANDOM.nextLong()));
            Instant now = Instant.now();
            X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), caName, caKeys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            caBuilder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate ca = sign(caBuilder, caKeys.getPrivate());
            writeFile(d.resolve(CA + ".crt"), pem("CERTIFICATE", ca.getEncoded()), false);
            DevCertificates created = new DevCertificates(d, ca, caKeys.getPrivate());
            for (String name : names) {
                created.issue(name);
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make development certificates", e);
        }
    }

    /**
     * A new key and certificate for {@code name} from the same authority, written over the old
     * files (as cert-manager renews a Secret). Only for an authority this JVM {@link #create}d.
     */
    public void reissue(String name) {
        if (caKey == null) {
            throw new IllegalStateException("this authority's key is not in memory (made by an earlier run)");
        }
        try {
            issue(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate", e);
        }
    }

    private void issue(String name) throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        KeyPair keys = ecKeyPair();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCertificate, serial(),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)),
                new X500Name("CN=" + name), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.dNSName, name),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://mensura/" + name)}));
        b.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
        X509Certificate cert = sign(b, caKey);
        // key first: a reader that sees the new certificate finds its key already there
        writeFile(dir.resolve(name + ".key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()), true);
        writeFile(dir.resolve(name + ".crt"), pem("CERTIFICATE", cert.getEncoded()), false);
    }

    public Path caFile() {
        return dir.resolve(CA + ".crt");
    }

    public Path certificateFile(String name) {
        return dir.resolve(name + ".crt");
    }

    public Path keyFile(String name) {
        return dir.resolve(name + ".key");
    }

    /** MENSURA_TLS_CERT, _KEY and _CA for the service {@code name}. */
    public Map<String, String> env(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MENSURA_TLS_CERT", certificateFile(name).toString());
        env.put("MENSURA_TLS_KEY", keyFile(name).toString());
        env.put("MENSURA_TLS_CA", caFile().toString());
        return env;
    }

    /** A client context that trusts this authority and presents no certificate. */
    public SSLContext clientContext() {
        return clientContext(null);
    }

    /** A client context that trusts this authority and presents {@code name}'s certificate (none when null). */
    public SSLContext clientContext(String name) {
        return clientContext(name, trustStore());
    }

    /** A client context that presents {@code name}'s certificate from this authority and trusts {@code trust}. */
    public SSLContext clientContext(String name, KeyStore trust) {
        try {
            KeyManagerFactory kmf = null;
            if (name != null) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                char[] password = new char[0];
                ks.setKeyEntry(name, readKey(keyFile(name)), password,
                        new X509Certificate[] {readCertificate(certificateFile(name))});
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust store (in memory) holding only this authority. */
    public KeyStore trustStore() {
        try {
            return trustStore(caFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context trusting only the CA in {@code caPem}: how test clients reach a service. */
    public static SSLContext trusting(Path caPem) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(caPem).getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrustManagerFactory trustManagers(Path caPem) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore(caPem));
        return tmf;
    }

    private static KeyStore trustStore(Path caPem) throws IOException, GeneralSecurityException {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("mensura-ca", readCertificate(caPem));
        return ts;
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    static X509Certificate readCertificate(Path pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(pem + " is not a certificate", e);
        }
    }

    private static PrivateKey readKey(Path pem) throws IOException, GeneralSecurityException {
        List<String> body = new ArrayList<>();
        for (String line : Files.readAllLines(pem, StandardCharsets.US_ASCII)) {
            if (!line.startsWith("-----")) {
                body.add(line.trim());
            }
        }
        return KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(String.join("", body))));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeFile(Path file, String content, boolean secret) throws IOException {
        Files.deleteIfExists(file);
        if (secret) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.writeString(file, content, StandardCharsets.US_ASCII);
        }
    }

    @Override
    public String toString() {
        return "DevCertificates[" + Objects.toString(dir) + "]";
    }
}
