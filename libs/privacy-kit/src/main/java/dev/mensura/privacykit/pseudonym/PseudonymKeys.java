package dev.mensura.privacykit.pseudonym;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.HmacParameters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Creates pseudonym keysets: HMAC-SHA256, 32-byte key, 32-byte tag, no output prefix.
 *
 * <p>{@code main} is what {@code dev/run} calls to create the development key once:
 * {@code java -cp ... dev.mensura.privacykit.pseudonym.PseudonymKeys <file>}. In Kubernetes
 * the same JSON lives in a Secret.
 */
public final class PseudonymKeys {

    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            PosixFilePermissions.fromString("rw-------");

    private PseudonymKeys() {
    }

    /** The parameters every pseudonym key has; see {@link Pseudonymizer} for why NO_PREFIX. */
    static HmacParameters parameters() throws GeneralSecurityException {
        return HmacParameters.builder()
                .setKeySizeBytes(32)
                .setTagSizeBytes(32)
                .setHashType(HmacParameters.HashType.SHA256)
                .setVariant(HmacParameters.Variant.NO_PREFIX)
                .build();
    }

    /** A fresh keyset with one HMAC-SHA256 no-prefix key. */
    public static KeysetHandle generate() {
        MacRegistration.ensure();
        try {
            return KeysetHandle.generateNew(parameters());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate pseudonym key", e);
        }
    }

    /**
     * Writes a new keyset as cleartext Tink JSON to {@code file}, created with mode 0600 from the
     * start (not chmod-ed afterwards, so there is no moment where others could read it).
     * Missing parent directories are created.
     *
     * @throws FileAlreadyExistsException if the file exists: an existing key is never replaced,
     *                                    because that would silently change every pseudonym
     */
    public static void writeNew(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String json;
        try {
            json = TinkJsonProtoKeysetFormat.serializeKeyset(generate(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot serialize pseudonym keyset", e);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (SeekableByteChannel out = createOwnerOnly(file)) {
            ByteBuffer bytes = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
    }

    private static SeekableByteChannel createOwnerOnly(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        FileAttribute<Set<PosixFilePermission>> mode =
                PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);
        try {
            return Files.newByteChannel(file, options, mode);
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file systems (Windows development machines): best effort.
            SeekableByteChannel channel = Files.newByteChannel(file, options);
            var f = file.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
            return channel;
        }
    }

    /**
     * Creates the keyset file if it is absent; leaves an existing one untouched. Prints only the
     * path, never the key.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp ... " + PseudonymKeys.class.getName() + " <keyset-file>");
            System.exit(2);
            return;
        }
        Path file = Path.of(args[0]);
        try {
            writeNew(file);
            System.out.println("created pseudonym keyset " + file);
        } catch (FileAlreadyExistsException e) {
            System.out.println("pseudonym keyset exists, left unchanged: " + file);
        }
    }
}
