package dev.mensura.k8s;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files (k8s/, helm/, dev/kubectl) hold no key material: no PEM private key, no Tink
 * keyset, no password other than a CHANGE-ME placeholder. The message names the file, never the value.
 */
class DeploymentFilesHoldNoSecretsTest {
    private static final List<Pattern> KEY_MATERIAL = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            // Tink keysets, clear or encrypted, in JSON.
            Pattern.compile("\"(primaryKeyId|encryptedKeyset|keyMaterialType)\""),
            // A password literal that is not a placeholder.
            Pattern.compile("(?i)password\\s*[=:]\\s*(?!CHANGE-ME)[\"']?[A-Za-z0-9+/_!@#$%^&*-]{6,}"));

    @Test
    void noKeyMaterialInTheDeploymentFiles() throws IOException {
        Path root = RepositoryRoot.path();
        List<String> offending = new ArrayList<>();
        for (Path dir : List.of(root.resolve("k8s/core"), root.resolve("k8s/base"), root.resolve("k8s/overlays"),
                root.resolve("helm"), root.resolve("dev/kubectl"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    KEY_MATERIAL.stream().filter(p -> p.matcher(text).find())
                            .forEach(p -> offending.add(root.relativize(file) + " matches " + p.pattern()));
                }
            }
        }
        assertThat(offending).isEmpty();
    }
}
