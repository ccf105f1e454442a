package dev.mensura.privacykit.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import dev.mensura.privacykit.transport.PeerClients;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@link SubjectKeySource} over privacy-service's internal key endpoint.
 *
 * <p>{@code GET {base}/internal/keys/{pseudonym}}, {@code Authorization: Bearer <service JWT>}:
 * <ul>
 *   <li>200 {@code application/json} {@code {"keyset": "<cleartext Tink JSON keyset>"}} &rarr;
 *       the keyset;</li>
 *   <li>410 (subject erased, keys destroyed) &rarr; {@link SubjectErasedException};</li>
 *   <li>anything else, timeouts and transport errors &rarr; {@link KeyUnavailableException}.</li>
 * </ul>
 *
 * <p>Exception messages carry the HTTP status or the failure's class, never the pseudonym, the
 * token or key material. The response body is read into a buffer this class owns (at most
 * {@value #MAX_BODY_BYTES} bytes) and zeroed after parsing, as is every copy of the keyset text
 * this class makes. Tink's {@code parseKeyset} only accepts a {@link String}, which cannot be
 * zeroed; it becomes garbage right after parsing.
 */
final class HttpSubjectKeySource implements SubjectKeySource {

    static final String PRIVACY_SERVICE = "privacy-service";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(3);
    /** A keyset of a few AES-256-GCM keys is well under 1 KiB; anything huge is not a keyset. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** No buffer recycling: Jackson's recycled buffers would keep keyset text alive in a pool. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.nonRecyclingPool())
            .build();

    private final String keysPrefix;
    private final Supplier<String> serviceToken;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Supplier<HttpClient> client;

    HttpSubjectKeySource(URI privacyBaseUrl, Supplier<String> serviceToken,
                         Duration connectTimeout, Duration readTimeout) {
        this(privacyBaseUrl, serviceToken, connectTimeout, readTimeout, PeerClients.PLAIN);
    }

    HttpSubjectKeySource(URI privacyBaseUrl, Supplier<String> serviceToken,
                         Duration connectTimeout, Duration readTimeout, PeerClients peers) {
        Objects.requireNonNull(privacyBaseUrl, "privacyBaseUrl");
        this.serviceToken = Objects.requireNonNull(serviceToken, "serviceToken");
        this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
        this.readTimeout = requirePositive(readTimeout, "readTimeout");
        String scheme = privacyBaseUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || privacyBaseUrl.getRawAuthority() == null
                || privacyBaseUrl.getRawQuery() != null || privacyBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "privacyBaseUrl must be an absolute http(s) URL without query or fragment");
        }
        String base = privacyBaseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.keysPrefix = base + "/internal/keys/";
        AeadRegistration.ensure();
        // With TLS, the server must also prove by certificate that it is privacy-service.
        this.client = Objects.requireNonNull(peers, "peers").clientFor(PRIVACY_SERVICE, () -> HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                // Never follow redirects: the bearer token must only go to privacy-service.
                .followRedirects(HttpClient.Redirect.NEVER));
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /** {@code base/internal/keys/} + the pseudonym percent-encoded as one path segment. */
    URI keyUri(String subjectPseudonym) {
        // URLEncoder encodes for forms: '+' for space is wrong in a path, so use %20.
        String segment = URLEncoder.encode(subjectPseudonym, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(keysPrefix + segment);
    }

    @Override
    public KeysetHandle fetch(String subjectPseudonym) {
        Objects.requireNonNull(subjectPseudonym, "subjectPseudonym");
        if (subjectPseudonym.isEmpty()) {
            throw new IllegalArgumentException("subjectPseudonym must not be empty");
        }
        String token = token();
        HttpRequest.Builder builder = HttpRequest.newBuilder(keyUri(subjectPseudonym))
                .GET()
                .timeout(readTimeout)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) { // none: the client certificate identifies the service
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        if (status == 410) {
            throw new SubjectErasedException();
        }
        if (status != 200) {
            throw new KeyUnavailableException("privacy-service answered HTTP " + status + " for a key request");
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("")
                .toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        try {
            if (!contentType.startsWith("application/json")) {
                throw new KeyUnavailableException("privacy-service answered 200 with a content type other"
                        + " than application/json for a key request");
            }
            return parse(body);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private String token() {
        String token;
        try {
            token = serviceToken.get();
        } catch (RuntimeException e) {
            throw new KeyUnavailableException("no service token for the key request ("
                    + e.getClass().getName() + ")", e);
        }
        if (token != null && token.isBlank()) {
            throw new KeyUnavailableException("no service token for the key request (empty)");
        }
        return token;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> future = client.get().sendAsync(request,
                info -> info.statusCode() == 200
                        ? new BoundedBody(MAX_BODY_BYTES)
                        : BodySubscribers.replacing(new byte[0]));
        // request.timeout covers the wait for the response headers only; this deadline also
        // covers a connection that stalls while the body is being read.
        long deadlineMillis = connectTimeout.plus(readTimeout).toMillis();
        try {
            return future.get(deadlineMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new KeyUnavailableException("interrupted while fetching a key from privacy-service", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new KeyUnavailableException("privacy-service did not answer a key request within "
                    + deadlineMillis + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new KeyUnavailableException("key request to privacy-service failed ("
                    + cause.getClass().getName() + ")", cause);
        }
    }

    /**
     * Reads {@code {"keyset": "..."}} with Jackson's streaming parser, so that the keyset text is
     * copied only into arrays this method zeroes, then hands it to Tink.
     */
    private static KeysetHandle parse(byte[] body) {
        char[] keysetChars = null;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed();
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("keyset".equals(field)) {
                    if (value != JsonToken.VALUE_STRING || keysetChars != null) {
                        throw malformed();
                    }
                    char[] buffer = p.getTextCharacters();
                    int offset = p.getTextOffset();
                    int length = p.getTextLength();
                    keysetChars = Arrays.copyOfRange(buffer, offset, offset + length);
                    // The parser's own buffer is not recycled (see JSON) but is zeroed as well;
                    // the parser is not read from again for this value.
                    Arrays.fill(buffer, offset, offset + length, '\0');
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || keysetChars == null) {
                throw malformed();
            }
        } catch (IOException e) {
            // Jackson's messages can quote the input, which is key material: no cause, no message.
            zero(keysetChars);
            throw new KeyUnavailableException("privacy-service sent a key response that is not valid JSON ("
                    + e.getClass().getName() + ")");
        } catch (RuntimeException e) {
            zero(keysetChars);
            throw e;
        }
        String json = new String(keysetChars);
        zero(keysetChars);
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // Tink's and Gson's messages may quote parts of the keyset: drop them.
            throw new KeyUnavailableException("privacy-service sent a keyset Tink cannot parse ("
                    + e.getClass().getName() + ")");
        }
    }

    private static KeyUnavailableException malformed() {
        return new KeyUnavailableException(
                "privacy-service sent a key response without a single string field \"keyset\"");
    }

    private static void zero(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * Collects the body into one array this class owns, failing once it exceeds the limit; every
     * intermediate array is zeroed when it is replaced.
     */
    private static final class BoundedBody implements BodySubscriber<byte[]> {
        private final int limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private byte[] buffer = new byte[1024];
        private int size;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = item.remaining();
                if (n > limit - size) {
                    subscription.cancel();
                    Arrays.fill(buffer, (byte) 0);
                    result.completeExceptionally(new IOException("key response larger than " + limit + " bytes"));
                    return;
                }
                if (size + n > buffer.length) {
                    byte[] bigger = Arrays.copyOf(buffer, Math.min(limit, Math.max(buffer.length * 2, size + n)));
                    Arrays.fill(buffer, (byte) 0);
                    buffer = bigger;
                }
                item.get(buffer, size, n);
                size += n;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            Arrays.fill(buffer, (byte) 0);
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            byte[] body = Arrays.copyOf(buffer, size);
            Arrays.fill(buffer, (byte) 0);
            result.complete(body);
        }
    }
}
