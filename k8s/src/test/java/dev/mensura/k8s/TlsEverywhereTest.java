package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS everywhere and the services' identities, in every rendering: each of the five services has its
 * cert-manager Certificate (its Service's names, spiffe://mensura/<name>-service), mounts its Secret whole
 * at /etc/mensura/tls and is addressed over https; the bootstrap CA issues them; the gateway verifies the
 * routed ones. The same rules, as a policy that can fail, are TlsIdentityPolicy (see
 * PolicyCheckerCatchesViolationsTest for it failing).
 */
class TlsEverywhereTest {
    static final List<String> SERVICES = List.of("ingest", "privacy", "vision", "fitting", "audit");
    static final List<String> ROUTED = List.of("ingest", "privacy", "fitting", "audit");

    static List<String> sets() {
        return RenderedSets.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void keepsTheTlsPolicy(String name) {
        assertThat(new TlsIdentityPolicy().violations(RenderedSets.get(name))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyServiceHasItsCertificateAndMountsItsSecretWhole(String name) {
        RenderedSet set = RenderedSets.get(name);
        for (String service : SERVICES) {
            Map<String, Object> spec = TlsIdentityPolicy.spec(certificate(set, service));
            assertThat(spec.get("secretName")).as(service).isEqualTo(service + "-service-tls");
            assertThat(spec.get("commonName")).as(service).isEqualTo(service + "-service");
            assertThat(TlsIdentityPolicy.strings(spec.get("uris"))).as(service).containsExactly("spiffe://mensura/" + service + "-service");
            assertThat(TlsIdentityPolicy.strings(spec.get("dnsNames"))).as(service)
                    .containsExactly(service, service + ".mensura.svc", service + ".mensura.svc.cluster.local");
            assertThat(TlsIdentityPolicy.strings(spec.get("usages"))).as(service)
                    .containsExactlyInAnyOrder("server auth", "client auth", "digital signature", "key encipherment");
            assertThat(spec.get("privateKey")).as(service).isEqualTo(
                    Map.of("algorithm", "ECDSA", "size", 256, "encoding", "PKCS8", "rotationPolicy", "Always"));
            assertThat(TlsIdentityPolicy.duration(spec.get("duration"))).contains(Duration.ofHours(720));
            assertThat(TlsIdentityPolicy.duration(spec.get("renewBefore"))).contains(Duration.ofHours(240));

            Deployment deployment = set.find(Deployment.class, service).orElseThrow();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            VolumeMount mount = container.getVolumeMounts().stream()
                    .filter(m -> TlsIdentityPolicy.TLS_DIR.equals(m.getMountPath())).findFirst().orElseThrow();
            assertThat(mount.getSubPath()).as(service).isNull();
            assertThat(mount.getReadOnly()).as(service).isTrue();
            Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getSecret().getSecretName()).as(service).isEqualTo(service + "-service-tls");
            assertThat(volume.getSecret().getDefaultMode()).as(service).isEqualTo(0440);
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup()).isEqualTo(185L);
            TlsIdentityPolicy.TLS_ENV.forEach((env, path) -> assertThat(Memory.env(container, env)).as(service).contains(path));
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/scheme", "https");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void servicesCallEachOtherOverHttps(String name) {
        RenderedSet set = RenderedSets.get(name);
        for (String caller : List.of("ingest", "vision", "fitting", "audit")) {
            assertThat(Memory.env(container(set, caller), "MENSURA_PRIVACY_URL")).as(caller).contains("https://privacy:8082");
        }
        assertThat(Memory.env(container(set, "ingest"), "MENSURA_INGEST_HANDOVER_BASE_URL")).contains("https://$(POD_IP):8081");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theBootstrapCaIssuesTheServicesCertificates(String name) {
        RenderedSet set = RenderedSets.get(name);
        assertThat(TlsIdentityPolicy.spec(object(set, "Issuer", "mensura-selfsigned"))).containsKey("selfSigned");
        Map<String, Object> ca = TlsIdentityPolicy.spec(object(set, "Certificate", "mensura-ca"));
        assertThat(ca).containsEntry("isCA", true).containsEntry("secretName", "mensura-ca");
        assertThat(ca.get("privateKey")).isEqualTo(Map.of("algorithm", "ECDSA", "size", 256, "encoding", "PKCS8", "rotationPolicy", "Never"));
        assertThat(ca.get("issuerRef")).isEqualTo(Map.of("name", "mensura-selfsigned", "kind", "Issuer", "group", "cert-manager.io"));
        assertThat(TlsIdentityPolicy.spec(object(set, "Issuer", "mensura-ca"))).containsEntry("ca", Map.of("secretName", "mensura-ca"));
        for (String service : SERVICES) {
            assertThat(TlsIdentityPolicy.spec(certificate(set, service)).get("issuerRef")).as(service)
                    .isEqualTo(Map.of("name", "mensura-ca", "kind", "Issuer", "group", "cert-manager.io"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theGatewayVerifiesEveryRoutedService(String name) {
        RenderedSet set = RenderedSets.get(name);
        assertThat(set.ofKind("BackendTLSPolicy").map(o -> o.getMetadata().getName())).containsExactlyInAnyOrderElementsOf(ROUTED);
        for (String service : ROUTED) {
            Map<String, Object> policy = TlsIdentityPolicy.asMap(set.ofKind("BackendTLSPolicy")
                    .filter(o -> service.equals(o.getMetadata().getName())).findFirst().orElseThrow());
            assertThat(policy.get("apiVersion")).isEqualTo("gateway.networking.k8s.io/v1");
            assertThat(TlsIdentityPolicy.spec(policy)).isEqualTo(Map.of(
                    "targetRefs", List.of(Map.of("group", "", "kind", "Service", "name", service)),
                    "validation", Map.of("caCertificateRefs", List.of(Map.of("group", "", "kind", "ConfigMap", "name", "mensura-ca")),
                            "hostname", service + ".mensura.svc")));
        }
    }

    @Test
    void durationsAreReadAsCertManagerReadsThem() {
        assertThat(TlsIdentityPolicy.duration("720h")).contains(Duration.ofHours(720));
        assertThat(TlsIdentityPolicy.duration("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(TlsIdentityPolicy.duration("2160h0m0s")).contains(Duration.ofHours(2160));
        assertThat(TlsIdentityPolicy.duration("30d")).isEmpty();
        assertThat(TlsIdentityPolicy.duration(null)).isEmpty();
    }

    static Map<String, Object> certificate(RenderedSet set, String service) {
        return object(set, "Certificate", service);
    }

    static Map<String, Object> object(RenderedSet set, String kind, String name) {
        Optional<HasMetadata> found = set.ofKind(kind).filter(o -> name.equals(o.getMetadata().getName())).findFirst();
        assertThat(found).as("%s %s/%s", set, kind, name).isPresent();
        return TlsIdentityPolicy.asMap(found.get());
    }

    private static Container container(RenderedSet set, String deployment) {
        return set.find(Deployment.class, deployment).orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
