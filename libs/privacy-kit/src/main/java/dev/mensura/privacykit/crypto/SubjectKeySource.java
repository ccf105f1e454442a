package dev.mensura.privacykit.crypto;

import dev.mensura.privacykit.transport.PeerClients;

import com.google.crypto.tink.KeysetHandle;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Where a service gets a subject's data key (a Tink AEAD keyset, AES256_GCM) from.
 *
 * <p>Implementations throw {@link SubjectErasedException} when the subject has been erased and
 * {@link KeyUnavailableException} for every other failure; they never return {@code null}.
 */
@FunctionalInterface
public interface SubjectKeySource {

    KeysetHandle fetch(String subjectPseudonym);

    /**
     * The keyset as privacy-service serves it: {@code GET {base}/internal/keys/{pseudonym}} with
     * {@code Authorization: Bearer <token>}, 3 s connect and 3 s read timeout.
     *
     * @param privacyBaseUrl e.g. {@code http://privacy-service:8080}
     * @param serviceToken   asked for a fresh service JWT on every fetch
     */
    static SubjectKeySource overHttp(URI privacyBaseUrl, Supplier<String> serviceToken) {
        return new HttpSubjectKeySource(privacyBaseUrl, serviceToken,
                HttpSubjectKeySource.DEFAULT_CONNECT_TIMEOUT, HttpSubjectKeySource.DEFAULT_READ_TIMEOUT);
    }

    /** {@link #overHttp(URI, Supplier)} over the service's own TLS identity ({@link PeerClients}). */
    static SubjectKeySource overHttp(URI privacyBaseUrl, Supplier<String> serviceToken, PeerClients peers) {
        return new HttpSubjectKeySource(privacyBaseUrl, serviceToken,
                HttpSubjectKeySource.DEFAULT_CONNECT_TIMEOUT, HttpSubjectKeySource.DEFAULT_READ_TIMEOUT, peers);
    }
}
