package dev.mensura.privacykit.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeysTest {

    @TempDir
    Path dir;

    @Test
    void writtenKeysetHasMode0600AndRoundTrips() throws Exception {
        Path file = dir.resolve("keys/pseudonym.json"); // parent is created
        PseudonymKeys.writeNew(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        Pseudonymizer fromFile = Pseudonymizer.fromKeysetFile(file);
        Pseudonymizer fromParsed = new Pseudonymizer(TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(file), InsecureSecretKeyAccess.get()));
        assertThat(fromFile.pseudonym("subject", "s-1")).isEqualTo(fromParsed.pseudonym("subject", "s-1"));
        assertThat(Pseudonymizer.fromKeysetFile(file).pseudonym("job", "j-9"))
                .isEqualTo(fromFile.pseudonym("job", "j-9"));
    }

    @Test
    void eachNewFileHoldsADifferentKey() throws Exception {
        PseudonymKeys.writeNew(dir.resolve("a.json"));
        PseudonymKeys.writeNew(dir.resolve("b.json"));
        assertThat(Pseudonymizer.fromKeysetFile(dir.resolve("a.json")).pseudonym("subject", "x"))
                .isNotEqualTo(Pseudonymizer.fromKeysetFile(dir.resolve("b.json")).pseudonym("subject", "x"));
    }

    @Test
    void anExistingKeyIsNeverReplaced() throws Exception {
        Path file = dir.resolve("k.json");
        PseudonymKeys.writeNew(file);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> PseudonymKeys.writeNew(file)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void mainCreatesOnceAndNeverPrintsTheKey() throws Exception {
        Path file = dir.resolve("dev/pseudonym.json");
        String firstRun = runMain(file.toString());
        byte[] created = Files.readAllBytes(file);
        String secondRun = runMain(file.toString());

        assertThat(Files.readAllBytes(file)).isEqualTo(created);
        assertThat(firstRun).contains("created", file.toString());
        assertThat(secondRun).contains("unchanged", file.toString());

        Matcher keyValue = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(new String(created, StandardCharsets.UTF_8));
        assertThat(keyValue.find()).isTrue();
        // Boolean check on purpose: a failing doesNotContain would print the key.
        assertThat((firstRun + secondRun).contains(keyValue.group(1)))
                .as("main's output contains key material").isFalse();
    }

    @Test
    void garbageKeysetFileFailsWithoutEchoingItsContent() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"primaryKeyId\": 1, \"secret-ish\": \"do-not-echo\"}");
        assertThatThrownBy(() -> Pseudonymizer.fromKeysetFile(file))
                .isInstanceOf(IOException.class)
                .message().doesNotContain("do-not-echo");
    }

    private static String runMain(String arg) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            PseudonymKeys.main(new String[] {arg});
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
