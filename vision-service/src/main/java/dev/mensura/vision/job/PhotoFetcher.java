package dev.mensura.vision.job;

import dev.mensura.privacykit.crypto.ServiceTokenSource;
import dev.mensura.privacykit.transport.PeerClients;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches one photo from the ingest pod that holds it, once, with vision's service token. The URL
 * comes from the event (each pod serves its own tokens), which is why this is a plain HTTP client
 * rather than a REST client bound to one base URL. The body is read into a buffer of at most
 * the configured size; the caller zeroes it.
 */
@ApplicationScoped
public class PhotoFetcher {
    private final Supplier<HttpClient> http;
    private final ServiceTokenSource tokens;
    private final int maxBytes;

    public PhotoFetcher(ServiceTokenSource tokens, PeerClients peers,
                        @ConfigProperty(name = "mensura.vision.max-photo-bytes", defaultValue = "26214400") int maxBytes) {
        // With TLS, vision presents its certificate and accepts only a server that proves to be
        // ingest: the URL names a pod address, which no certificate does.
        this.http = peers.clientFor("ingest-service", () -> HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER));
        this.tokens = tokens;
        this.maxBytes = maxBytes;
    }

    byte[] fetch(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        String token = tokens.current();
        if (token != null) { // none with TLS: vision's client certificate identifies it
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<InputStream> response = http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new UnusablePhotoException("photo-unavailable");
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    dev.mensura.privacykit.destruction.SecureDestruction.zero(bytes);
                    throw new UnusablePhotoException("photo-too-large");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new UnusablePhotoException("photo-unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnusablePhotoException("photo-unavailable");
        }
    }
}
