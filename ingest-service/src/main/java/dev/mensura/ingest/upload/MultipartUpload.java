package dev.mensura.ingest.upload;

import dev.mensura.privacykit.destruction.SecureDestruction;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of one upload, in memory only. Files are raw bytes until sanitised; {@link #close()}
 * zeroes them so no copy of the unstripped photo outlives the request (I2, I3).
 */
public final class MultipartUpload implements AutoCloseable {
    private final Map<String, byte[]> files;
    private final Map<String, String> fields;

    MultipartUpload(Map<String, byte[]> files, Map<String, String> fields) {
        this.files = files;
        this.fields = fields;
    }

    public Optional<byte[]> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    @Override
    public void close() {
        files.values().forEach(SecureDestruction::zero);
    }
}
