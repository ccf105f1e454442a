package dev.mensura.testkit;

import dev.mensura.privacykit.pseudonym.PseudonymKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * Development and test keys, as files:
 * <ul>
 * <li>{@value #PRIVATE_PEM}: RSA-2048 private key, PKCS#8 PEM (signs JWTs);</li>
 * <li>{@value #PUBLIC_PEM}: its public key, X.509 SubjectPublicKeyInfo PEM (verifies them);</li>
 * <li>{@value #PSEUDONYM_KEYSET}: cleartext Tink HMAC keyset (privacy-kit PseudonymKeys).</li>
 * </ul>
 * Files are mode 0600 in a 0700 directory. {@link #get()} makes them once per JVM in a temporary
 * directory removed at exit; {@link #ensure(Path)} creates the missing ones in a given directory
 * (dev/run: {@code .dev/keys}) and never replaces an existing key.
 */
public final class DevKeys {

    public static final String PRIVATE_PEM = "jwt-private.pem";
    public static final String PUBLIC_PEM = "jwt-public.pem";
    public static final String PSEUDONYM_KEYSET = "pseudonym-keyset.json";
    /** privacy-service's key-encryption key (I5) for development and tests: a Tink AES256_GCM keyset. */
    public static final String KEK_KEYSET = "kek-keyset.json";
    /** audit-service's checkpoint signing keyset (Tink, Ed25519 without output prefix). */
    public static final String AUDIT_SIGNING_KEYSET = "audit-signing-keyset.json";

    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private static DevKeys instance;

    private final Path dir;
    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;

    private DevKeys(Path dir, RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        this.dir = dir;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The keys of this JVM, made on first use in a temporary directory deleted at exit. */
    public static DevKeys get() {
        synchronized (JvmGlobal.LOCK) {
            if (instance == null) {
                String shared = System.getProperty(JvmGlobal.KEYS_DIR);
                if (shared != null) { // made by another class loader of this JVM
                    instance = ensure(Path.of(shared));
                } else {
                    Path tmp;
                    try {
                        tmp = Files.createTempDirectory("mensura-keys-");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    try {
                        instance = ensure(tmp);
                    } catch (RuntimeException e) {
                        JvmGlobal.deleteTree(tmp);
                        throw e;
                    }
                    Runtime.getRuntime().addShutdownHook(
                            new Thread(() -> JvmGlobal.deleteTree(tmp), "mensura-keys-cleanup"));
                    System.setProperty(JvmGlobal.KEYS_DIR, tmp.toString());
                }
            }
            return instance;
        }
    }

    /** Creates the key files missing in {@code dir} (never replacing one) and loads them. */
    public static DevKeys ensure(Path dir) {
        Objects.requireNonNull(dir, "dir");
        Path d = dir.toAbsolutePath().normalize();
        synchronized (JvmGlobal.LOCK) {
            try {
                Files.createDirectories(d);
                chmod(d, DIR_MODE);
                Path priv = d.resolve(PRIVATE_PEM);
                Path pub = d.resolve(PUBLIC_PEM);
                RSAPrivateKey privateKey;
                RSAPublicKey publicKey;
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                if (Files.exists(priv)) {
                    privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(priv)));
                    if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
                        throw new IllegalStateException(priv + " lacks the public exponent");
                    }
                    publicKey = (RSAPublicKey) rsa.generatePublic(
                            new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
                    if (!Files.exists(pub)) {
                        writeOwnerOnly(pub, pem("PUBLIC KEY", publicKey.getEncoded()));
                    } else if (!publicKey.equals(rsa.generatePublic(new X509EncodedKeySpec(readPem(pub))))) {
                        throw new IllegalStateException(pub + " does not belong to " + priv
                                + "; delete both to make a new pair");
                    }
                } else {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048);
                    KeyPair kp = g.generateKeyPair();
                    privateKey = (RSAPrivateKey) kp.getPrivate();
                    publicKey = (RSAPublicKey) kp.getPublic();
                    writeOwnerOnly(priv, pem("PRIVATE KEY", privateKey.getEncoded())); // PKCS#8
                    writeOwnerOnly(pub, pem("PUBLIC KEY", publicKey.getEncoded()));    // SubjectPublicKeyInfo
                }
                Path keyset = d.resolve(PSEUDONYM_KEYSET);
                if (!Files.exists(keyset)) {
                    try {
                        PseudonymKeys.writeNew(keyset); // created 0600 by privacy-kit
                    } catch (FileAlreadyExistsException raced) {
                        // made meanwhile by another process: keep it
                    }
                }
                chmod(keyset, FILE_MODE);
                Path kek = d.resolve(KEK_KEYSET);
                if (!Files.exists(kek)) {
                    writeOwnerOnly(kek, newKekKeyset());
                }
                Path signing = d.resolve(AUDIT_SIGNING_KEYSET);
                if (!Files.exists(signing)) {
                    writeOwnerOnly(signing, newSigningKeyset());
                }
                return new DevKeys(d, privateKey, publicKey);
            } catch (IOException e) {
                throw new UncheckedIOException("could not prepare keys in " + d, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not prepare keys in " + d, e);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public Path privateKeyPem() {
        return dir.resolve(PRIVATE_PEM);
    }

    public Path publicKeyPem() {
        return dir.resolve(PUBLIC_PEM);
    }

    public Path pseudonymKeysetFile() {
        return dir.resolve(PSEUDONYM_KEYSET);
    }

    public Path kekKeysetFile() {
        return dir.resolve(KEK_KEYSET);
    }

    public Path auditSigningKeysetFile() {
        return dir.resolve(AUDIT_SIGNING_KEYSET);
    }

    /** Ed25519 with raw signatures: C2SP signed notes carry the bare 64-byte signature. */
    private static String newSigningKeyset() throws GeneralSecurityException {
        com.google.crypto.tink.signature.SignatureConfig.register();
        return com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
                com.google.crypto.tink.KeysetHandle.generateNew(
                        com.google.crypto.tink.signature.PredefinedSignatureParameters.ED25519WithRawOutput),
                com.google.crypto.tink.InsecureSecretKeyAccess.get());
    }

    private static String newKekKeyset() throws GeneralSecurityException {
        com.google.crypto.tink.aead.AeadConfig.register();
        return com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
                com.google.crypto.tink.KeysetHandle.generateNew(
                        com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM),
                com.google.crypto.tink.InsecureSecretKeyAccess.get());
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "DevKeys[" + dir + "]"; // never the keys
    }

    static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    static byte[] readPem(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.US_ASCII);
        String body = s.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    /** Writes via a 0600 temporary file in the same directory and an atomic rename. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(FILE_MODE));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void chmod(Path p, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(p, mode);
        } catch (UnsupportedOperationException notPosix) {
            // best effort on non-POSIX file systems
        }
    }
}
