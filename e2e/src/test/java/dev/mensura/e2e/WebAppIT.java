package dev.mensura.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.testkit.TestTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app (web/) in a real browser against the running suite: Debian's Chromium driven by
 * web/e2e/flow.mjs (playwright-core) at a phone's viewport, through web/serve.mjs, which routes
 * /v1 like the cluster's HTTPRoute. One subject goes from consent to erasure (results, 3D view,
 * downloads, export, a destruction receipt verified in the browser); a second one uploads a
 * front photo with the arms down and is told to retake it. Screenshots of every screen are kept
 * in e2e/target/screenshots/.
 */
@Order(2)
class WebAppIT {
    private static final Duration FLOW_LIMIT = Duration.ofMinutes(12);

    @Test
    void aPhoneBrowserGoesFromConsentToErasureAndIsToldWhatToRetake(@TempDir Path work) throws Exception {
        Suite suite = Suite.get();
        Path web = suite.repo.resolve("web");
        Path screenshots = suite.repo.resolve("e2e/target/screenshots");
        buildWebAppIfMissing(web);

        // every photo through Photos, so that the canary sweep looks for it; the files go when @TempDir does
        Photos.Pair good = Photos.of(101);
        Photos.Pair armsDown = Photos.armsDown(212);
        Path photos = Files.createDirectories(work.resolve("photos"));
        Path front = Files.write(photos.resolve("front.jpg"), good.front());
        Path side = Files.write(photos.resolve("side.jpg"), good.side());
        Path downFront = Files.write(photos.resolve("arms-down-front.jpg"), armsDown.front());
        Path downSide = Files.write(photos.resolve("arms-down-side.jpg"), armsDown.side());

        Process server = start(web, List.of(node(), "serve.mjs"), Map.of(
                "PORT", "0",
                "MENSURA_INGEST_URL", suite.url("ingest"),
                "MENSURA_PRIVACY_URL", suite.url("privacy"),
                "MENSURA_FITTING_URL", suite.url("fitting"),
                "MENSURA_AUDIT_URL", suite.url("audit"),
                "MENSURA_TLS_CA", suite.certificates.caFile().toString()), null);
        try {
            int port = listeningPort(server);
            Files.createDirectories(screenshots);
            try (var old = Files.list(screenshots)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                    Files.delete(p);
                }
            }
            Path log = suite.repo.resolve("e2e/target/webapp-flow.log");
            Process flow = start(web, List.of(node(), "e2e/flow.mjs"), Map.of(
                    "MENSURA_WEB_URL", "http://127.0.0.1:" + port,
                    "MENSURA_TOKEN", TestTokens.subject("subject-" + UUID.randomUUID()),
                    "MENSURA_TOKEN2", TestTokens.subject("subject-" + UUID.randomUUID()),
                    "MENSURA_FRONT", front.toString(),
                    "MENSURA_SIDE", side.toString(),
                    "MENSURA_ARMSDOWN_FRONT", downFront.toString(),
                    "MENSURA_ARMSDOWN_SIDE", downSide.toString(),
                    "MENSURA_SCREENSHOTS", screenshots.toString(),
                    "MENSURA_CAPTURE_DIR", suite.repo.resolve("e2e/target/webapp-receipt").toString()), log);
            boolean ended = flow.waitFor(FLOW_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                flow.descendants().forEach(ProcessHandle::destroyForcibly);
                flow.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(ended).as("the browser flow ended within " + FLOW_LIMIT + "\n" + output).isTrue();
            assertThat(flow.exitValue()).as("the browser flow's exit code\n" + output).isZero();
            assertThat(output).contains("PASSED");
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }

        for (String png : List.of("01-consent.png", "02-capture.png", "03-progress.png", "04-results.png",
                "05-mydata-receipt.png", "06-erase-confirm.png", "07-erased.png", "08-retake.png")) {
            Path shot = screenshots.resolve(png);
            assertThat(shot).as("screenshot " + png).isRegularFile();
            assertThat(Files.size(shot)).as("screenshot " + png).isGreaterThan(1000);
        }
    }

    /** web/dist is built by the web module before e2e in the reactor; built here only when it is missing. */
    private static void buildWebAppIfMissing(Path web) throws Exception {
        if (!Files.isDirectory(web.resolve("node_modules"))) {
            run(web, List.of(npm(), "ci", "--no-audit", "--no-fund"));
        }
        if (!Files.isRegularFile(web.resolve("dist/index.html"))) {
            run(web, List.of(npm(), "run", "build"));
        }
    }

    private static void run(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
        }
    }

    private static Process start(Path dir, List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        if (log != null) {
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
        } else {
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        return pb.start();
    }

    /** serve.mjs prints {@code listening <port>} once it accepts connections. */
    private static int listeningPort(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(30, TimeUnit.SECONDS);
        assertThat(line).as("serve.mjs's first line").isNotNull().startsWith("listening ");
        // keep draining its stdout so that it never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // nothing: serve.mjs logs no bodies, and nothing here needs its lines
                }
            } catch (IOException ignored) {
                // the server stopped
            }
        }, "serve-mjs-stdout");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(line.substring("listening ".length()).trim());
    }

    private static String node() {
        return System.getenv().getOrDefault("MENSURA_NODE", "node");
    }

    private static String npm() {
        return System.getenv().getOrDefault("MENSURA_NPM", "npm");
    }
}
