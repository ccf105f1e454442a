package dev.mensura.edge.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportSecurityConfigTest {

    @Test
    void aCertificateMakesTheServiceHttpsOnlyOnItsOwnPortWithTls13And12() {
        SmallRyeConfig config = config(Map.of("mensura.tls.cert", "/tls/tls.crt", "mensura.tls.key", "/tls/tls.key",
                "mensura.tls.ca", "/tls/ca.crt", "quarkus.http.port", "8081"));
        assertThat(config.getValue("quarkus.tls.mensura.key-store.pem.service.cert", String.class)).isEqualTo("/tls/tls.crt");
        assertThat(config.getValue("quarkus.tls.mensura.key-store.pem.service.key", String.class)).isEqualTo("/tls/tls.key");
        assertThat(config.getValue("quarkus.tls.mensura.trust-store.pem.certs", String.class)).isEqualTo("/tls/ca.crt");
        assertThat(config.getValue("quarkus.http.insecure-requests", String.class)).isEqualTo("disabled");
        assertThat(config.getValue("quarkus.http.ssl-port", String.class)).isEqualTo("8081");
        assertThat(config.getValue("quarkus.tls.mensura.protocols", String.class)).isEqualTo("TLSv1.3,TLSv1.2");
        assertThat(config.getValue("quarkus.tls.mensura.cipher-suites", String.class))
                .doesNotContain("CBC").doesNotContain("_128_").startsWith("TLS_AES_256_GCM_SHA384");
        assertThat(config.getValue("quarkus.tls.mensura.reload-period", String.class)).isEqualTo("1h");
        assertThat(config.getValue("mensura.tls.scheme", String.class)).isEqualTo("https");
        assertThat(config.getValue("quarkus.http.tls-configuration-name", String.class)).isEqualTo("mensura");
        // quarkus.rest-client.tls-configuration-name is set only where the REST client is on the
        // class path (ingest); e2e JourneyIT's consent check over TLS depends on it.
    }

    @Test
    void withoutACertificateNothingIsSetAndHalfAConfigurationIsRefused() {
        SmallRyeConfig plain = config(Map.of("quarkus.http.port", "8081"));
        assertThat(plain.getOptionalValue("quarkus.http.insecure-requests", String.class)).isEmpty();
        assertThat(plain.getOptionalValue("quarkus.tls.mensura.key-store.pem.service.cert", String.class)).isEmpty();
        assertThatThrownBy(() -> config(Map.of("mensura.tls.cert", "/tls/tls.crt")))
                .hasStackTraceContaining("only some are set");
    }

    @Test
    void onlyAProductionServiceWithoutCertificateOrAllowanceIsRefused() {
        assertThat(PlaintextGuard.refuses(LaunchMode.NORMAL, false, false)).isTrue();
        assertThat(PlaintextGuard.refuses(LaunchMode.NORMAL, true, false)).isFalse();
        assertThat(PlaintextGuard.refuses(LaunchMode.NORMAL, false, true)).isFalse();
        assertThat(PlaintextGuard.refuses(LaunchMode.TEST, false, false)).isFalse();
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(values, "test", 400))
                .withSources(new TransportSecurityConfig())
                .build();
    }
}
