package dev.mensura.auditverifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mensura.tlog.VerifierKey;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar audit-verifier.jar log --keys KEYS (--export FILE | --url BASE --token-file FILE)
 * [--checkpoint NOTE]...}
 *
 * <p>KEYS: the log's verifier keys, one per line, obtained out of band (the audit API's
 * {@code /v1/audit/public-key}, published by the operator). Exit 0 when verified, 1 when the log
 * or a checkpoint does not verify (the first bad index is named), 2 on a usage or input error.
 */
public final class AuditVerifier {
    public static final int VERIFIED = 0;
    public static final int TAMPERED = 1;
    public static final int USAGE = 2;
    private static final String HELP = """
            usage: audit-verifier log --keys KEYS (--export FILE | --url BASE_URL --token-file FILE) [--checkpoint NOTE]...
                   audit-verifier receipt --keys KEYS --receipt FILE
              KEYS        verifier keys of the log, one per line (trusted, obtained out of band)
              FILE        a log exported from GET /v1/audit/export
              BASE_URL    the audit service, e.g. https://audit.example (needs a compliance token)
              NOTE        a checkpoint saved earlier; verified to be a prefix of this log
              FILE        (receipt) a destruction receipt from GET /v1/jobs/{id}/receipt
            exit: 0 verified, 1 tampering found, 2 usage or input error""";

    private AuditVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && "receipt".equals(args[0])) {
            return receipt(args, out, err);
        }
        if (args.length == 0 || !"log".equals(args[0])) {
            err.println(HELP);
            return USAGE;
        }
        Path keys = null;
        Path export = null;
        String url = null;
        Path tokenFile = null;
        List<Path> saved = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                err.println("missing value for " + option + "\n" + HELP);
                return USAGE;
            }
            String value = args[++i];
            switch (option) {
                case "--keys" -> keys = Path.of(value);
                case "--export" -> export = Path.of(value);
                case "--url" -> url = value;
                case "--token-file" -> tokenFile = Path.of(value);
                case "--checkpoint" -> saved.add(Path.of(value));
                default -> {
                    err.println("unknown option " + option + "\n" + HELP);
                    return USAGE;
                }
            }
        }
        if (keys == null || (export == null) == (url == null) || (url != null && tokenFile == null)) {
            err.println(HELP);
            return USAGE;
        }
        try {
            List<VerifierKey> trusted = keys(keys);
            JsonNode log = export != null ? new ObjectMapper().readTree(export.toFile())
                    : fetch(url, Files.readString(tokenFile).strip());
            List<String> notes = new ArrayList<>();
            for (Path p : saved) {
                notes.add(Files.readString(p));
            }
            LogVerifier.Result result = LogVerifier.verify(log, trusted, notes);
            if (result.verified()) {
                out.println("OK: " + result.message());
                return VERIFIED;
            }
            err.println("TAMPERED: " + result.message());
            if (result.firstBadIndex() != null) {
                err.println(result.badRangeEnd() == null ? "first bad index: " + result.firstBadIndex()
                        : "first bad index: " + result.firstBadIndex() + " (somewhere before " + result.badRangeEnd() + ")");
            }
            return TAMPERED;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot verify: " + e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return USAGE;
        }
    }

    private static int receipt(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 5 || !"--keys".equals(args[1]) || !"--receipt".equals(args[3])) {
            err.println(HELP);
            return USAGE;
        }
        try {
            List<VerifierKey> trusted = keys(Path.of(args[2]));
            ReceiptVerifier.Result result = ReceiptVerifier.verify(new ObjectMapper().readTree(Path.of(args[4]).toFile()),
                    trusted);
            result.photos().forEach(p -> out.println("  " + p.view() + " photo destroyed after " + p.lifetimeMs()
                    + " ms (" + p.reason() + ")"));
            if (result.verified()) {
                out.println("OK: " + result.message());
                return VERIFIED;
            }
            err.println("NOT VERIFIED: " + result.message());
            return TAMPERED;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot verify: " + e.getMessage());
            return USAGE;
        }
    }

    private static List<VerifierKey> keys(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(VerifierKey::parse).toList();
    }

    private static JsonNode fetch(String baseUrl, String token) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "")
                        + "/v1/audit/export")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the audit service answered " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body());
    }
}
