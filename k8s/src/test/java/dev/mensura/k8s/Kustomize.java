package dev.mensura.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders the kustomize tree with {@code kubectl kustomize}. The kubectl is the one dev/kubectl prints:
 * the one on PATH, or Debian's kubernetes-client (kubectl 1.20, kustomize v2.0.3) which it installs.
 */
final class Kustomize {
    private static String kubectl;

    private Kustomize() {
    }

    static RenderedSet render(String directory, boolean gpu) {
        Path dir = RepositoryRoot.path().resolve(directory);
        return RenderedSet.parse("kustomize " + directory, gpu, run(List.of(kubectl(), "kustomize", dir.toString())));
    }

    static synchronized String kubectl() {
        if (kubectl == null) {
            kubectl = run(List.of(RepositoryRoot.path().resolve("dev/kubectl").toString())).strip();
        }
        return kubectl;
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(RepositoryRoot.path().toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            process.getOutputStream().close();
            // Read before waiting: the rendered tree is larger than a pipe's buffer.
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed with exit code " + process.exitValue());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
