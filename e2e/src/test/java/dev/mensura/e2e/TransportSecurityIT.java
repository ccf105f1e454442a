package dev.mensura.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mensura.testkit.DevCertificates;
import dev.mensura.testkit.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transport security of the running suite, as dev/run and Kubernetes run it: every service
 * speaks HTTPS only (TLS 1.3, 1.2 only with the AEAD suites), plain HTTP and TLS 1.1 get nothing,
 * and the internal endpoints answer only the services they serve, proven by client certificate
 * (the services hold no key to sign tokens: the suite gives them none). Refusals show up in the audit log. The services reach PostgreSQL and
 * the Kafka broker over verified TLS too.
 */
@Order(1)
class TransportSecurityIT {
    private static final List<String> ACCEPTED_SUITES = List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    /** Not a pseudonym: an allowed caller gets the endpoint's own 400, so nothing is looked up or created. */
    private static final String NOT_A_PSEUDONYM = "not-a-pseudonym";

    private final Suite suite = Suite.get();

    @Test
    void plainHttpGetsNoAnswerFromAnyService() throws IOException {
        for (String service : Suite.SERVICES) {
            String answer = plainHttp(suite.service(service).port());
            assertThat(answer).as(service + " answering plain HTTP").doesNotStartWith("HTTP/");
        }
    }

    @Test
    void tls13IsSpokenAndTls12OnlyWithAeadSuites() throws IOException {
        for (String service : Suite.SERVICES) {
            int port = suite.service(service).port();
            assertThat(handshake(port, null, null)).as(service).isEqualTo("TLSv1.3");
            assertThat(handshake(port, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")).as(service).isEqualTo("TLSv1.2");
            assertThat(handshake(port, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256")).as(service + ", CBC").isNull();
            assertThat(handshake(port, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")).as(service + ", AES-128").isNull();
            assertThat(handshake(port, "TLSv1.3", "TLS_AES_128_GCM_SHA256")).as(service + ", 1.3 AES-128").isNull();
        }
        try (SSLSocket socket = connect(suite.service("ingest").port(), null, null)) {
            assertThat(ACCEPTED_SUITES).contains(socket.getSession().getCipherSuite());
        }
    }

    @Test
    void tls11IsRefusedByTheServer(@TempDir Path work) throws Exception {
        // The probe's JVM may speak TLS 1.0/1.1 (this one refuses to before sending anything).
        Path security = Files.writeString(work.resolve("java.security"),
                "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, NULL, anon\n");
        int port = suite.service("privacy").port();
        String tls11 = probe(security, port, "TLSv1.1");
        assertThat(tls11).startsWith("FAILED").contains("Received fatal alert");
        // The same probe does get through when it offers what the server speaks.
        assertThat(probe(security, port, "TLSv1.2")).startsWith("OK TLSv1.2");
    }

    @Test
    void thePhotoHandOverAnswersVisionAlone() throws Exception {
        String path = "/internal/photos/unknown-token";
        // vision's certificate alone is vision: past the identity check, to the unknown token's 410
        assertThat(call("ingest", path, "vision-service", null)).isEqualTo(410);
        assertThat(call("ingest", path, "vision-service", "vision-service")).isEqualTo(410);
        // another service, with its own certificate (and token)
        assertThat(call("ingest", path, "fitting-service", null)).isEqualTo(403);
        assertThat(call("ingest", path, "fitting-service", "fitting-service")).isEqualTo(403);
        // a token naming vision does not make fitting's certificate vision's
        assertThat(call("ingest", path, "fitting-service", "vision-service")).isEqualTo(403);
        // a certificate from the same CA that names no service
        assertThat(call("ingest", path, Suite.OUTSIDER, Suite.OUTSIDER)).isEqualTo(403);
        // a valid service token without any certificate opens nothing
        assertThat(call("ingest", path, null, "vision-service")).isEqualTo(403);
    }

    @Test
    void theKeyEndpointAnswersOnlyTheServicesThatSealData() throws Exception {
        String path = "/internal/keys/" + NOT_A_PSEUDONYM;
        for (String allowed : List.of("ingest-service", "vision-service", "fitting-service", "audit-service")) {
            // through the identity check to the endpoint's own 400 for the malformed pseudonym
            assertThat(call("privacy", path, allowed, null)).as(allowed).isEqualTo(400);
        }
        assertThat(call("privacy", path, Suite.OUTSIDER, null)).isEqualTo(403);
        assertThat(call("privacy", path, "privacy-service", null)).isEqualTo(403);
        assertThat(call("privacy", path, Suite.OUTSIDER, "ingest-service")).isEqualTo(403);
        assertThat(call("privacy", path, null, "ingest-service")).isEqualTo(403);
        // the consent check answers ingest alone
        assertThat(call("privacy", "/internal/consents/" + NOT_A_PSEUDONYM + "/body-measurement",
                "vision-service", null)).isEqualTo(403);
    }

    @Test
    void aCertificateFromAnotherAuthorityDoesNotGetThroughTheHandshake(@TempDir Path work) {
        DevCertificates foreign = DevCertificates.create(work, List.of("vision-service"));
        HttpClient client = HttpClient.newBuilder()
                .sslContext(foreign.clientContext("vision-service", suite.certificates.trustStore()))
                .connectTimeout(Duration.ofSeconds(3)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.url("ingest") + "/internal/photos/unknown-token"))
                .header("Authorization", "Bearer " + TestTokens.service("vision-service")).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as("a foreign certificate is never accepted as vision").isEqualTo(403);
        } catch (IOException refused) {
            // the handshake failed: the server did not accept a certificate outside its CA
            assertThat(refused).isNotNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyServiceTalksToPostgresOverTls13() throws Exception {
        // the services with a database hold connections by now (they are ready)
        String sql = "select a.datname, s.ssl, coalesce(s.version, '') from pg_stat_activity a"
                + " join pg_stat_ssl s on s.pid = a.pid"
                + " where a.datname like 'mensura\\_%' and a.backend_type = 'client backend'";
        try (java.sql.Connection c = suite.postgres.connect("postgres");
             java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            java.util.Set<String> databases = new java.util.TreeSet<>();
            while (rs.next()) {
                databases.add(rs.getString(1));
                assertThat(rs.getBoolean(2)).as("TLS on a connection to " + rs.getString(1)).isTrue();
                assertThat(rs.getString(3)).as("protocol of a connection to " + rs.getString(1)).isEqualTo("TLSv1.3");
            }
            assertThat(databases).containsExactlyInAnyOrder("mensura_ingest", "mensura_privacy", "mensura_fitting",
                    "mensura_audit");
        }
    }

    @Test
    void theServicesReachTheBrokerOnItsTlsListenerWhichSpeaksNothingElse() throws Exception {
        String tls = suite.kafka.tlsBootstrapServers().orElseThrow();
        Map<String, Object> over = new java.util.HashMap<>(Map.of(
                "bootstrap.servers", tls, "security.protocol", "SSL", "ssl.truststore.type", "PEM",
                "ssl.truststore.location", suite.kafka.tlsCaFile().orElseThrow().toString(),
                "request.timeout.ms", 3000, "default.api.timeout.ms", 5000));
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(over)) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).isNotEmpty();
        }
        Map<String, Object> plain = new java.util.HashMap<>(Map.of("bootstrap.servers", tls,
                "request.timeout.ms", 2000, "default.api.timeout.ms", 4000));
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(plain)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .as("a plain client on the TLS listener").isNotNull();
        }
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestartAndCallersKeepGettingThrough() throws Exception {
        long pid = suite.service("privacy").pid();
        int port = suite.service("privacy").port();
        java.math.BigInteger before = servedSerial(port);
        suite.certificates.reissue("privacy-service"); // what cert-manager does to the Secret
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> !servedSerial(port).equals(before));
        assertThat(suite.service("privacy").pid()).as("the same process: no restart").isEqualTo(pid);
        // the renewed certificate still names privacy: an allowed caller gets through as before
        assertThat(call("privacy", "/internal/keys/" + NOT_A_PSEUDONYM, "ingest-service", null)).isEqualTo(400);
    }

    private java.math.BigInteger servedSerial(int port) throws IOException {
        try (SSLSocket socket = connect(port, null, null)) {
            return ((java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    @Test
    void refusalsAreAuditEntries() {
        long before = authFailures("ingest-service");
        assertThat(call("ingest", "/internal/photos/unknown-token", "fitting-service", null)).isEqualTo(403);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(authFailures("ingest-service")).isGreaterThan(before));
    }

    private long authFailures(String service) {
        Map<String, Object> failures = given().baseUri(suite.url("audit"))
                .auth().oauth2(TestTokens.withRoles("officer", "compliance"))
                .get("/v1/audit/reports/daily?date=" + LocalDate.now(ZoneOffset.UTC)).then().statusCode(200)
                .extract().jsonPath().getMap("authFailures");
        Object n = failures == null ? null : failures.get(service);
        return n == null ? 0 : ((Number) n).longValue();
    }

    /**
     * GET {@code path} on {@code service} presenting {@code certificate} (or none) and a service
     * token for {@code tokenSubject} (or none), signed by the key the suite's tokens are signed with.
     */
    private int call(String service, String path, String certificate, String tokenSubject) {
        HttpClient client = HttpClient.newBuilder().sslContext(suite.certificates.clientContext(certificate))
                .connectTimeout(Duration.ofSeconds(3)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(suite.url(service) + path)).GET();
        if (tokenSubject != null) {
            builder.header("Authorization", "Bearer " + TestTokens.service(tokenSubject));
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 403) {
                assertThat(response.body()).contains("caller-not-allowed");
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a plain HTTP request to the TLS port gets back (empty when the connection is just closed). */
    private static String plainHttp(int port) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = socket.getInputStream().readNBytes(64);
            return new String(answer, StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException | java.net.SocketTimeoutException closed) {
            return "";
        }
    }

    /** The protocol the handshake agreed on, or null when the server refused it. */
    private String handshake(int port, String protocol, String cipher) throws IOException {
        try (SSLSocket socket = connect(port, protocol, cipher)) {
            return socket.getSession().getProtocol();
        } catch (javax.net.ssl.SSLHandshakeException refused) {
            return null;
        }
    }

    private SSLSocket connect(int port, String protocol, String cipher) throws IOException {
        SSLSocket socket = (SSLSocket) suite.certificates.clientContext().getSocketFactory().createSocket("localhost", port);
        socket.setSoTimeout(5000);
        if (protocol != null) {
            socket.setEnabledProtocols(new String[] {protocol});
        }
        if (cipher != null) {
            socket.setEnabledCipherSuites(new String[] {cipher});
        }
        socket.startHandshake();
        return socket;
    }

    private String probe(Path security, int port, String protocol) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + security, "-cp", System.getProperty("java.class.path"),
                TlsProbe.class.getName(), "localhost", Integer.toString(port), suite.certificates.caFile().toString(),
                protocol));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
