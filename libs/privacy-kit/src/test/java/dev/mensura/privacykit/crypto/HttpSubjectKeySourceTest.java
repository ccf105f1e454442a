package dev.mensura.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpSubjectKeySource} against a real HTTP server on 127.0.0.1 playing privacy-service. */
class HttpSubjectKeySourceTest {

    private static final String TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJpbmdlc3Qtc2VydmljZSJ9.c2lnbmF0dXJlLXNlY3JldA";
    private static final String ALICE = "YWxpY2UtcHNldWRvbnltLTAwMDAwMDAwMDAwMDAwMDAwMDA";
    private static final String PLACE = "ingest.job.height_cm";

    /** What the fake privacy-service answers for one pseudonym. */
    private record Answer(int status, String contentType, byte[] body) {
        static Answer json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Seen(String method, String rawPath, String authorization, String accept) {
    }

    private HttpServer server;
    private ExecutorService serverThreads;
    private URI base;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseStalled = new CountDownLatch(1);
    private final KeysetHandle aliceKey = Secrets.newAes256GcmKeyset();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/", this::handle);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        answers.put(ALICE, keysetAnswer(aliceKey));
    }

    @AfterEach
    void stopServer() {
        releaseStalled.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(new Seen(exchange.getRequestMethod(), rawPath, auth,
                    exchange.getRequestHeaders().getFirst("Accept")));
            if (!("Bearer " + TOKEN).equals(auth)) {
                respond(exchange, Answer.json(401, "{\"title\":\"Unauthorized\",\"status\":401}"));
                return;
            }
            String prefix = "/internal/keys/";
            if (!"GET".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().startsWith(prefix)) {
                respond(exchange, Answer.json(404, "{}"));
                return;
            }
            Answer answer = answers.get(exchange.getRequestURI().getPath().substring(prefix.length()));
            if (answer == null) {
                respond(exchange, Answer.json(404, "{}"));
            } else if (answer.status() == -1) {
                releaseStalled.await(30, TimeUnit.SECONDS); // never answers in time
            } else {
                respond(exchange, answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    private static Answer keysetAnswer(KeysetHandle handle) {
        return Answer.json(200, "{\"keyset\":" + jsonString(Secrets.toJson(handle)) + "}");
    }

    /** A JSON string literal (Tink's keyset JSON contains quotes and line breaks). */
    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private HttpSubjectKeySource source() {
        return source(() -> TOKEN);
    }

    private HttpSubjectKeySource source(Supplier<String> token) {
        return (HttpSubjectKeySource) SubjectKeySource.overHttp(base, token);
    }

    /** The secrets no exception message may contain. */
    private List<String> secrets() {
        List<String> s = new ArrayList<>(Secrets.keyMaterialForms(aliceKey));
        s.add(TOKEN);
        s.add(ALICE);
        return s;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fetchesTheSubjectsKeysetWithTheServiceToken() throws Exception {
        KeysetHandle fetched = source().fetch(ALICE);

        // Same key: what one encrypts, the other decrypts.
        Aead served = aliceKey.getPrimitive(RegistryConfiguration.get(), Aead.class);
        Aead got = fetched.getPrimitive(RegistryConfiguration.get(), Aead.class);
        assertThat(served.decrypt(got.encrypt(utf8("181.5"), utf8("ad")), utf8("ad"))).isEqualTo(utf8("181.5"));
        assertThat(fetched.getKeysetInfo()).isEqualTo(aliceKey.getKeysetInfo());

        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("GET");
            assertThat(s.rawPath()).isEqualTo("/internal/keys/" + ALICE);
            assertThat(s.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(s.accept()).isEqualTo("application/json, application/problem+json");
        });
    }

    @Test
    void asksForAFreshTokenOnEveryFetch() {
        AtomicInteger asked = new AtomicInteger();
        HttpSubjectKeySource source = source(() -> {
            asked.incrementAndGet();
            return TOKEN;
        });
        source.fetch(ALICE);
        source.fetch(ALICE);
        assertThat(asked).hasValue(2);
    }

    @Test
    void pseudonymIsOnePercentEncodedPathSegment() {
        String odd = "a b/c+é?#%";
        answers.put(odd, keysetAnswer(aliceKey));

        source().fetch(odd);

        assertThat(seen).singleElement()
                .extracting(Seen::rawPath)
                .isEqualTo("/internal/keys/a%20b%2Fc%2B%C3%A9%3F%23%25");
    }

    @Test
    void baseUrlMayHaveAPathAndATrailingSlash() {
        HttpSubjectKeySource source = (HttpSubjectKeySource) SubjectKeySource.overHttp(
                URI.create(base + "/privacy/"), () -> TOKEN);
        assertThat(source.keyUri(ALICE)).isEqualTo(URI.create(base + "/privacy/internal/keys/" + ALICE));
        assertThatThrownBy(() -> SubjectKeySource.overHttp(URI.create("ftp://x/"), () -> TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubjectKeySource.overHttp(URI.create("/relative"), () -> TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void goneMeansErased() {
        answers.put(ALICE, new Answer(410, "application/problem+json",
                utf8("{\"type\":\"urn:mensura:subject-erased\",\"title\":\"Subject erased\",\"status\":410}")));

        Throwable thrown = catchThrowable(() -> source().fetch(ALICE));

        assertThat(thrown).isInstanceOf(SubjectErasedException.class);
        Secrets.assertNoSecretIn(thrown, secrets());
    }

    @Test
    void serverErrorIsKeyUnavailable() {
        answers.put(ALICE, new Answer(500, "application/problem+json", utf8("{\"status\":500}")));

        Throwable thrown = catchThrowable(() -> source().fetch(ALICE));

        assertThat(thrown).isInstanceOf(KeyUnavailableException.class).hasMessageContaining("500");
        Secrets.assertNoSecretIn(thrown, secrets());
    }

    @Test
    void wrongTokenIsKeyUnavailable() {
        Throwable thrown = catchThrowable(() -> source(() -> "not-the-token").fetch(ALICE));

        assertThat(thrown).isInstanceOf(KeyUnavailableException.class).hasMessageContaining("401");
        Secrets.assertNoSecretIn(thrown, List.of("not-the-token", ALICE));
    }

    @Test
    void aBlankTokenIsKeyUnavailableWithoutARequest() {
        assertThatThrownBy(() -> source(() -> " ").fetch(ALICE)).isInstanceOf(KeyUnavailableException.class);
        assertThat(seen).isEmpty();
    }

    @Test
    void noTokenSendsNoAuthorizationAndTheServerDecides() {
        // With TLS the client certificate identifies the service and no token is sent; this
        // server wants one, so the answer is its 401.
        Throwable thrown = catchThrowable(() -> source(() -> null).fetch(ALICE));

        assertThat(thrown).isInstanceOf(KeyUnavailableException.class).hasMessageContaining("401");
        assertThat(seen).singleElement().satisfies(s -> assertThat(s.authorization()).isNull());
    }

    @Test
    void connectionRefusedIsKeyUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        SubjectKeySource refused = SubjectKeySource.overHttp(URI.create("http://127.0.0.1:" + closedPort), () -> TOKEN);

        Throwable thrown = catchThrowable(() -> refused.fetch(ALICE));

        assertThat(thrown).isInstanceOf(KeyUnavailableException.class);
        Secrets.assertNoSecretIn(thrown, secrets());
    }

    @Test
    void aServerThatDoesNotAnswerIsKeyUnavailableAfterTheTimeout() {
        answers.put(ALICE, new Answer(-1, "", new byte[0]));
        HttpSubjectKeySource impatient = new HttpSubjectKeySource(base, () -> TOKEN,
                Duration.ofMillis(300), Duration.ofMillis(300));

        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> impatient.fetch(ALICE));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(thrown).isInstanceOf(KeyUnavailableException.class);
        assertThat(millis).isLessThan(5_000);
        Secrets.assertNoSecretIn(thrown, secrets());
    }

    @Test
    void defaultTimeoutsAreThreeSeconds() {
        assertThat(HttpSubjectKeySource.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(3));
        assertThat(HttpSubjectKeySource.DEFAULT_READ_TIMEOUT).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void malformedResponsesAreKeyUnavailableAndNeverEchoed() {
        String keysetJson = Secrets.toJson(aliceKey);
        record Case(Answer answer, String reason) {
        }
        Map<String, Case> bad = Map.of(
                "not-json", new Case(new Answer(200, "application/json", utf8("keyset=" + keysetJson)),
                        "not valid JSON"),
                "truncated-json", new Case(Answer.json(200, "{\"keyset\":" + jsonString(keysetJson)),
                        "not valid JSON"),
                "no-keyset-field", new Case(Answer.json(200, "{\"key\":" + keysetJson + "}"),
                        "without a single string field"),
                "keyset-not-a-string", new Case(Answer.json(200, "{\"keyset\":" + keysetJson + "}"),
                        "without a single string field"),
                "keyset-not-tink", new Case(Answer.json(200, "{\"keyset\":"
                        + jsonString(keysetJson.substring(0, keysetJson.length() / 2)) + "}"),
                        "keyset Tink cannot parse"),
                "wrong-content-type", new Case(new Answer(200, "text/plain", keysetAnswer(aliceKey).body()),
                        "content type"),
                "too-large", new Case(Answer.json(200, "{\"keyset\":\""
                        + "A".repeat(HttpSubjectKeySource.MAX_BODY_BYTES) + "\"}"), "java.io.IOException"));
        bad.forEach((pseudonym, c) -> answers.put(pseudonym, c.answer()));

        bad.forEach((pseudonym, c) -> {
            Throwable thrown = catchThrowable(() -> source().fetch(pseudonym));
            assertThat(thrown).as(pseudonym).isInstanceOf(KeyUnavailableException.class)
                    .hasMessageContaining(c.reason());
            List<String> secrets = new ArrayList<>(secrets());
            secrets.add(pseudonym);
            Secrets.assertNoSecretIn(thrown, secrets);
        });
    }

    @Test
    void subjectCryptoOverHttpEncryptsAndSeesErasure() {
        SubjectCrypto crypto = SubjectCrypto.overHttp(base, () -> TOKEN, Duration.ofSeconds(60));
        byte[] ciphertext = crypto.encrypt(ALICE, PLACE, utf8("181.5"));
        assertThat(crypto.decrypt(ALICE, PLACE, ciphertext)).isEqualTo(utf8("181.5"));
        assertThat(seen).hasSize(1); // cached

        // Erasure: privacy-service now answers 410, the service gets the erasure event.
        answers.put(ALICE, new Answer(410, "application/problem+json", utf8("{\"status\":410}")));
        crypto.forget(ALICE);

        Throwable thrown = catchThrowable(() -> crypto.decrypt(ALICE, PLACE, ciphertext));
        assertThat(thrown).isInstanceOf(SubjectErasedException.class);
        Secrets.assertNoSecretIn(thrown, secrets());
        assertThat(seen).hasSize(2);
    }
}
