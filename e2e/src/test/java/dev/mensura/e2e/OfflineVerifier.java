package dev.mensura.e2e;

import static io.restassured.RestAssured.given;

import dev.mensura.testkit.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The offline verifier ({@code audit-verifier.jar}) run as a compliance officer would: its own
 * process, given files only, trusting only the published public key.
 */
final class OfflineVerifier {
    private final Suite suite;
    private final Path workDir;

    OfflineVerifier(Suite suite, Path workDir) {
        this.suite = suite;
        this.workDir = workDir;
    }

    record Result(int exitCode, String output) {
    }

    /** {@code audit-verifier receipt}: the receipt against the published key. */
    Result receipt(String receiptJson) {
        Path receipt = write("receipt.json", receiptJson);
        return run("receipt", "--keys", publicKey().toString(), "--receipt", receipt.toString());
    }

    /** {@code audit-verifier log}: the whole log, exported by a compliance officer, against the published key. */
    Result wholeLog() {
        String export = given().baseUri(suite.url("audit")).auth().oauth2(TestTokens.withRoles("officer", "compliance"))
                .get("/v1/audit/export").then().statusCode(200).extract().asString();
        Path file = write("log.json", export);
        return run("log", "--keys", publicKey().toString(), "--export", file.toString());
    }

    private Path publicKey() {
        String keys = given().baseUri(suite.url("audit")).get("/v1/audit/public-key").then().statusCode(200)
                .extract().asString();
        return write("keys.txt", keys);
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(workDir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result run(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", suite.verifierJar().toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the verifier did not finish");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
