package dev.mensura.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessIT {

    @TempDir
    static Path tmp;
    static Path jar;

    /** A jar holding only {@link FakeService}, with it as Main-Class (like quarkus-run.jar). */
    @BeforeAll
    static void buildJar() throws Exception {
        jar = tmp.resolve("fake-run.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        m.getMainAttributes().putValue("Add-Opens", "java.base/java.lang");
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m);
                InputStream in = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            j.putNextEntry(new JarEntry(entry));
            in.transferTo(j);
            j.closeEntry();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsWaitsForReadinessAndStops() throws Exception {
        ServiceProcess sp = ServiceProcess.start("fake-one", jar, Map.of("FAKE_ECHO", "hello-env"));
        try {
            assertThat(sp.url()).isEqualTo("http://localhost:" + sp.port());
            assertThat(get(sp.url() + "/q/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(sp.url() + "/tmpdir").body()).startsWith(sp.directory().toString());
            assertThat(sp.logFile()).startsWith(sp.directory());
            assertThat(Files.readString(sp.logFile()))
                    .contains("FAKE_ECHO=hello-env")
                    .contains("fake started on " + sp.port());
            assertThat(ProcessHandle.of(sp.pid())).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        } finally {
            sp.stop();
        }
        assertThat(sp.isAlive()).isFalse();
        assertThat(ProcessHandle.of(sp.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void failsWithTheLogTailWhenTheServiceExits() {
        assertThatThrownBy(() -> ServiceProcess.start("fake-exit", jar, Map.of("FAKE_MODE", "exit")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fake-exit exited with 3")
                .hasMessageContaining("boom: refusing to start");
    }

    @Test
    void sharedIsOnePerNameUntilStopped() {
        ServiceProcess first = ServiceProcess.shared("fake-shared", jar, Map.of());
        try {
            assertThat(ServiceProcess.shared("fake-shared", Path.of("ignored"), Map.of())).isSameAs(first);
            assertThat(System.getProperty("mensura.testkit.service.fake-shared.port"))
                    .isEqualTo(String.valueOf(first.port()));
            first.stop();
            ServiceProcess second = ServiceProcess.shared("fake-shared", jar, Map.of());
            assertThat(second).isNotSameAs(first);
            assertThat(second.isAlive()).isTrue();
            second.stop();
        } finally {
            first.stop();
        }
    }

    @Test
    void rejectsAMissingJarAndBadNames() {
        assertThatThrownBy(() -> ServiceProcess.start("fake-missing", tmp.resolve("nope.jar"), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ServiceProcess.start("../x", jar, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privacyResourceFindsTheRepositoryAndExplainsAMissingJar() {
        assertThat(PrivacyServiceResource.repoRoot().resolve("privacy-service/pom.xml")).isRegularFile();
        assertThat(PrivacyServiceResource.defaultJar())
                .isEqualTo(PrivacyServiceResource.repoRoot().resolve("privacy-service/target/quarkus-app/quarkus-run.jar"));
        PrivacyServiceResource r = new PrivacyServiceResource();
        r.init(Map.of(PrivacyServiceResource.ARG_JAR, tmp.resolve("missing/quarkus-run.jar").toString()));
        assertThatThrownBy(r::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("build privacy-service first");
    }
}
