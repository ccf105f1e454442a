package dev.mensura.privacy.bench;

import dev.mensura.events.Topics;
import dev.mensura.testkit.DevCertificates;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.KafkaBroker;
import dev.mensura.testkit.ServiceEnv;
import dev.mensura.testkit.ServiceProcess;
import dev.mensura.testkit.TestTokens;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

/**
 * What TLS costs at a service's edge (docs/benchmarks.md, issue 10). Two privacy-service
 * processes from the same jar on the same PostgreSQL and broker, one serving plain HTTP (the
 * reference, as the services ran before) and one HTTPS with client certificates, measured in
 * alternation:
 * <ul>
 *   <li>{@code new connection}: connect, (handshake,) {@code GET /v1/privacy-notice}, read to the end;</li>
 *   <li>{@code kept-alive}: the same request on an open connection;</li>
 *   <li>{@code internal call}: {@code GET /internal/keys/x} with a service token on an open
 *       connection (with TLS: ingest's client certificate and the identity check), answered 400.</li>
 * </ul>
 * {@code java ... TransportBench [samples]}; run by {@code dev/bench-tls}.
 */
public final class TransportBench {
    private TransportBench() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmups = Math.max(200, samples / 5);
        KafkaBroker.get().createTopics(Topics.ALL_WITH_DEAD_LETTERS);
        Path tls = Files.createTempDirectory("mensura-bench-tls-");
        DevCertificates certificates = DevCertificates.create(tls, List.of("privacy-service", "ingest-service"));
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        // Full JIT, as in production (the tests run their services on C1 alone, to start faster).
        List<String> jit = List.of("-XX:TieredStopAtLevel=4");
        ServiceProcess plain = ServiceProcess.start("privacy-plain", jar, env("mensura_privacy_bench_plain", Map.of()),
                jit);
        Map<String, String> withTls = new java.util.HashMap<>(certificates.env("privacy-service"));
        withTls.put("MENSURA_TLS_PLAINTEXT_ALLOWED", null);
        ServiceProcess secure = ServiceProcess.start("privacy-tls", jar, env("mensura_privacy_bench_tls", withTls),
                jit);
        try {
            SSLContext app = certificates.clientContext();
            SSLContext ingest = certificates.clientContext("ingest-service");
            HttpClient plainClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpClient appClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(app).build();
            HttpClient serviceClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ingest).build();
            String token = TestTokens.service("ingest-service");

            long[][] fresh = new long[2][samples];
            long[][] kept = new long[2][samples];
            long[][] internal = new long[2][samples];
            for (int i = -warmups; i < samples; i++) {
                long a = freshConnection(SocketFactory.getDefault(), plain.port());
                long b = freshConnection(app.getSocketFactory(), secure.port());
                long c = get(plainClient, plain.url() + "/v1/privacy-notice", null, 200);
                long d = get(appClient, secure.url() + "/v1/privacy-notice", null, 200);
                long e = get(plainClient, plain.url() + "/internal/keys/x", token, 400);
                long f = get(serviceClient, secure.url() + "/internal/keys/x", token, 400);
                if (i >= 0) {
                    fresh[0][i] = a;
                    fresh[1][i] = b;
                    kept[0][i] = c;
                    kept[1][i] = d;
                    internal[0][i] = e;
                    internal[1][i] = f;
                }
            }
            System.out.printf(Locale.ROOT, "%d samples each, after %d warm-ups, alternating%n", samples, warmups);
            System.out.println("| request | plain HTTP p50 (reference) | HTTPS p50 | ratio | plain p90 | HTTPS p90 |");
            System.out.println("| --- | --- | --- | --- | --- | --- |");
            row("new connection, `GET /v1/privacy-notice`", fresh);
            row("kept-alive connection, same request", kept);
            row("internal call, `GET /internal/keys/x` (mTLS + identity check)", internal);
        } finally {
            plain.stop();
            secure.stop();
        }
    }

    private static Map<String, String> env(String database, Map<String, String> extra) {
        Map<String, String> env = ServiceEnv.common(EmbeddedPostgres.get().createDatabase(database));
        env.put("MENSURA_PRIVACY_KEK_KEYSET_FILE", DevKeys.get().kekKeysetFile().toString());
        env.put("MENSURA_EDGE_RATE_LIMIT_ENABLED", "false"); // the bench is one client, far above the limit
        env.putAll(extra);
        return env;
    }

    /** Nanoseconds for connect (+ handshake) + one request read to its end, on a new connection. */
    private static long freshConnection(SocketFactory factory, int port) throws Exception {
        long t0 = System.nanoTime();
        try (Socket socket = factory.createSocket("localhost", port)) {
            // as HTTP clients do: without it, the request after TLS's last handshake message
            // waits for a delayed ACK (Nagle), ~40 ms that are not TLS's
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/privacy-notice HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            if (!new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("unexpected answer: " + new String(head, StandardCharsets.US_ASCII));
            }
            in.transferTo(OutputStream.nullOutputStream());
        }
        return System.nanoTime() - t0;
    }

    private static long get(HttpClient client, String url, String token, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        long t = System.nanoTime() - t0;
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return t;
    }

    private static void row(String name, long[][] samples) {
        double p50Plain = percentile(samples[0], 50);
        double p50Tls = percentile(samples[1], 50);
        System.out.printf(Locale.ROOT, "| %s | %.3f ms | %.3f ms | **%.2f×** | %.3f ms | %.3f ms |%n", name,
                p50Plain, p50Tls, p50Tls / p50Plain, percentile(samples[0], 90), percentile(samples[1], 90));
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
