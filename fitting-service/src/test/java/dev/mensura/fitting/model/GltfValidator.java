package dev.mensura.fitting.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Khronos glTF validator (npm package {@code gltf-validator}, pinned) run through Node: installed
 * under {@code target/gltf-validator} on first use, then called by {@code gltf/validate.js}. Node and
 * npm are required: without them the test fails and says so rather than silently skipping the check.
 */
final class GltfValidator {
    static final String VERSION = "2.0.0-dev.3.10";
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private GltfValidator() {
    }

    /** The validator's report for this GLB (see the package's docs: {@code issues.numErrors} etc.). */
    static JsonNode validate(Path glb) throws IOException, InterruptedException {
        Path script = script();
        Path modules = install(target(script).resolve("gltf-validator"));
        String report = run(List.of("node", script.toString(), modules.toString(), glb.toString()),
                "node is needed to run the Khronos glTF validator", false);
        return new ObjectMapper().readTree(report);
    }

    /** The module's target directory: validate.js is copied to target/test-classes/gltf/. */
    static Path target(Path script) {
        Path testClasses = script.getParent().getParent();
        return testClasses.getParent();
    }

    private static Path script() {
        try {
            return Path.of(GltfValidator.class.getResource("/gltf/validate.js").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("gltf/validate.js is missing from the test resources", e);
        }
    }

    /** npm install of the pinned version unless it is already there; returns the node_modules folder. */
    private static Path install(Path prefix) throws IOException, InterruptedException {
        Path modules = prefix.resolve("node_modules");
        Path packageJson = modules.resolve("gltf-validator/package.json");
        if (Files.isRegularFile(packageJson)
                && VERSION.equals(new ObjectMapper().readTree(packageJson.toFile()).path("version").asText())) {
            return modules;
        }
        Files.createDirectories(prefix);
        run(List.of(WINDOWS ? "npm.cmd" : "npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund",
                "gltf-validator@" + VERSION), "npm is needed to install the Khronos glTF validator (gltf-validator@"
                + VERSION + ")", true);
        if (!Files.isRegularFile(packageJson)) {
            throw new AssertionError("npm install finished but " + packageJson + " is missing");
        }
        return modules;
    }

    /** Runs a command and returns its standard output; any failure is an assertion error. */
    private static String run(List<String> command, String why, boolean mergeErrors)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(mergeErrors);
        if (!mergeErrors) {
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(why + ", but '" + command.get(0) + "' could not be started (is Node.js with"
                    + " npm installed and on the PATH?): " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        // read before waiting: a full pipe would block the child
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 5 minutes");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                    + output);
        }
        return output;
    }
}
