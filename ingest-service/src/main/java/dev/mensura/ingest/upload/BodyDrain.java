package dev.mensura.ingest.upload;

import dev.mensura.privacykit.destruction.SecureDestruction;
import java.io.IOException;
import java.io.InputStream;

/** Reads what is left of a refused request body into a small zeroed buffer, never more than a limit. */
final class BodyDrain {
    private BodyDrain() {
    }

    static void drain(InputStream body, long limit) {
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while (total <= limit && (n = body.read(chunk)) != -1) {
                total += n;
            }
        } catch (IOException e) {
            // The client went away: nothing left to answer.
        } finally {
            SecureDestruction.zero(chunk);
        }
    }
}
