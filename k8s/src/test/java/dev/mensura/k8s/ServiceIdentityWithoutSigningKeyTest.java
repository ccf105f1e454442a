package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services authenticate each other by client certificate alone (issue 10), so no pod holds a key to
 * sign tokens with (NoTokenSigningKeyPolicy, on every rendering), while every service still verifies the
 * users' tokens against the OIDC issuer (MP_JWT_VERIFY_ISSUER and _PUBLICKEY_LOCATION from mensura-external).
 */
class ServiceIdentityWithoutSigningKeyTest {

    static List<String> sets() {
        return RenderedSets.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyServiceVerifiesUserTokensAgainstTheIssuerAndSignsNone(String name) {
        RenderedSet set = RenderedSets.get(name);
        assertThat(new NoTokenSigningKeyPolicy().violations(set)).isEmpty();
        set.all(Deployment.class).forEach(d -> {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(configMapKey(c, "MP_JWT_VERIFY_ISSUER")).as("%s", d.getMetadata().getName())
                    .isEqualTo("mensura-external/oidc-issuer");
            assertThat(configMapKey(c, "MP_JWT_VERIFY_PUBLICKEY_LOCATION")).as("%s", d.getMetadata().getName())
                    .isEqualTo("mensura-external/oidc-jwks-url");
        });
    }

    @Test
    void anOldValuesFileNamingTheSigningSecretMountsNothing() {
        // secrets.jwtSigning was a value before issue 10; an operator's old values file may still set it.
        RenderedSet set = HelmChart.render("helm with an old secrets.jwtSigning", Map.of("secrets.jwtSigning", "mensura-jwt-signing"));
        assertThat(PolicyChecker.violations(set)).isEmpty();
    }

    private static String configMapKey(Container c, String env) {
        return c.getEnv().stream().filter(e -> env.equals(e.getName())).map(EnvVar::getValueFrom)
                .filter(v -> v != null && v.getConfigMapKeyRef() != null).map(v -> v.getConfigMapKeyRef())
                .map(k -> k.getName() + "/" + k.getKey()).findFirst().orElse(null);
    }
}
