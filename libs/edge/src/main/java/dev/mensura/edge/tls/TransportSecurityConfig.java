package dev.mensura.edge.tls;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns a service's three PEM files ({@code MENSURA_TLS_CERT}, {@code MENSURA_TLS_KEY},
 * {@code MENSURA_TLS_CA}: cert-manager's {@code tls.crt}, {@code tls.key}, {@code ca.crt}) into
 * the Quarkus TLS registry's configuration {@value #NAME}, used by the server and the REST
 * clients, and an HTTPS-only server on the service's one
 * port. Kept in one place so that no service can configure TLS half-way: with a certificate,
 * plain HTTP is not served at all, only TLS 1.3 and 1.2 are spoken, and 1.2 only with the AEAD
 * suites the seeds name (and their ECDHE counterparts). Without one, nothing here applies and
 * {@link PlaintextGuard} decides whether the service may start.
 */
public final class TransportSecurityConfig implements ConfigSourceFactory {
    public static final String CERT = "mensura.tls.cert";
    public static final String KEY = "mensura.tls.key";
    public static final String CA = "mensura.tls.ca";
    public static final String RELOAD_PERIOD = "mensura.tls.reload-period";
    /** The TLS registry configuration the server, the REST clients and {@link ServiceTls} share. */
    public static final String NAME = "mensura";
    private static final String PREFIX = "quarkus.tls." + NAME + ".";

    /** TLS 1.3 first; 1.2 only as the fallback. */
    public static final String PROTOCOLS = "TLSv1.3,TLSv1.2";
    /**
     * The two TLS 1.3 suites of the seeds, then TLS 1.2's AEAD suites with forward secrecy and the
     * same ciphers (for ECDSA and RSA certificates). Nothing with CBC, SHA-1 or static RSA.
     */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /** Above the edge defaults (100), below application.properties (250) and the environment (300). */
    static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String cert = value(context, CERT);
        String key = value(context, KEY);
        String ca = value(context, CA);
        if (cert == null && key == null && ca == null) {
            return List.of();
        }
        if (cert == null || key == null || ca == null) {
            throw new IllegalStateException("TLS needs all three of " + CERT + ", " + KEY + " and " + CA
                    + " (MENSURA_TLS_CERT, MENSURA_TLS_KEY, MENSURA_TLS_CA); only some are set");
        }
        String reload = value(context, RELOAD_PERIOD);
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + "key-store.pem.service.cert", cert);
        p.put(PREFIX + "key-store.pem.service.key", key);
        p.put(PREFIX + "trust-store.pem.certs", ca);
        p.put(PREFIX + "protocols", PROTOCOLS);
        p.put(PREFIX + "cipher-suites", String.join(",", CIPHER_SUITES));
        // cert-manager renews the files in place; the registry and the server pick them up.
        p.put(PREFIX + "reload-period", reload == null ? "1h" : reload);
        // A named configuration: the registry's default one is not used by REST clients.
        p.put("quarkus.http.tls-configuration-name", NAME);
        if (hasRestClient()) { // only ingest has one; elsewhere the key would be unknown
            p.put("quarkus.rest-client.tls-configuration-name", NAME);
        }
        // One port per service, as without TLS, and it speaks TLS only.
        p.put("quarkus.http.ssl-port", "${quarkus.http.port:8080}");
        p.put("quarkus.http.insecure-requests", "disabled");
        // for URLs a service hands out about itself (ingest's photo hand-over)
        p.put("mensura.tls.scheme", "https");
        return List.of(new PropertiesConfigSource(p, "mensura-transport-security", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean hasRestClient() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName("io.quarkus.restclient.config.RestClientsConfig", false,
                    loader != null ? loader : TransportSecurityConfig.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue().trim();
    }
}
