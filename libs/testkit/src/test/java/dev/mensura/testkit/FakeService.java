package dev.mensura.testkit;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * JDK-only stand-in for a Quarkus service, packed alone into a jar by {@link ServiceProcessIT}:
 * serves {@code /q/health/ready} on {@code QUARKUS_HTTP_PORT}; {@code FAKE_MODE=exit} exits 3 at
 * once; {@code /tmpdir} answers its {@code java.io.tmpdir}.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("fake starting, FAKE_ECHO=" + System.getenv("FAKE_ECHO"));
        if ("exit".equals(System.getenv("FAKE_MODE"))) {
            System.err.println("boom: refusing to start");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", ex -> reply(ex, "{\"status\":\"UP\"}"));
        server.createContext("/tmpdir", ex -> reply(ex, System.getProperty("java.io.tmpdir")));
        server.start();
        System.out.println("fake started on " + port);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }
}
