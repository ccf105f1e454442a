package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policies can fail: deliberately broken deployments (src/test/resources/broken/*.yaml) go through the
 * same checker as the real renderings, and every break in them is reported.
 */
class PolicyCheckerCatchesViolationsTest {
    private static RenderedSet broken;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = PolicyCheckerCatchesViolationsTest.class.getResourceAsStream("/broken/ingest-on-disk.yaml")) {
            broken = RenderedSet.parse("broken", false, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void photosOnDiskAreCaught() {
        assertThat(new PhotosInRamPolicy().violations(broken)).anySatisfy(v -> assertThat(v)
                        .contains("upload dir /var/run/mensura/uploads is on volume uploads, not an emptyDir with medium Memory"))
                .anySatisfy(v -> assertThat(v).contains("volume node-logs is a hostPath"))
                .anySatisfy(v -> assertThat(v).contains("PersistentVolumeClaim photos"));
    }

    @Test
    void unrestrictedContainersAreCaught() {
        List<String> violations = new RestrictedPodsPolicy().violations(broken);
        assertThat(violations).contains(
                "Deployment/ingest container ingest: readOnlyRootFilesystem is not true",
                "Deployment/fitting container prepare: runAsNonRoot is not true",
                "Deployment/fitting container prepare: does not drop ALL capabilities",
                "Deployment/fitting container prepare: no memory limit",
                "namespace mensura is not rendered with pod-security.kubernetes.io/enforce: restricted");
    }

    @Test
    void openNetworkIsCaught() {
        assertThat(new NetworkIsolationPolicy().violations(broken)).contains(
                "namespace mensura has no default-deny NetworkPolicy for Ingress and Egress",
                "NetworkPolicy ingest (selects ingest): admits pods of [fitting] besides vision");
    }

    @Test
    void missingProbesServicesAndRealSecretsAreCaught() {
        assertThat(new ProbesAndMetricsPolicy().violations(broken))
                .contains("Deployment/fitting container fitting: no liveness probe on /q/health/live");
        assertThat(new CompleteWorkloadsPolicy().violations(broken))
                .contains("Deployment/ingest: no Service selects its pods", "Deployment/ingest: no PodDisruptionBudget");
        assertThat(new PlaceholderSecretsPolicy().violations(broken))
                .containsExactly("Secret mensura-fitting-db key password: holds something other than a CHANGE-ME placeholder");
    }

    @Test
    void theMemoryBudgetMustFitBesideTheHeap() {
        // A tmpfs as large as the limit minus nothing: 320 MiB of photos plus a 512 MiB heap in 768 MiB.
        RenderedSet tight = RenderedSet.parse("tight", false, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ingest, namespace: mensura}
                spec:
                  selector: {matchLabels: {app: ingest}}
                  template:
                    metadata: {labels: {app: ingest}}
                    spec:
                      containers:
                      - name: ingest
                        env:
                        - {name: MENSURA_INGEST_UPLOAD_DIR, value: /uploads}
                        - {name: MENSURA_INGEST_UPLOAD_BUDGET_BYTES, value: "104857600"}
                        - {name: JAVA_OPTS, value: -Xmx512m}
                        resources: {limits: {memory: 768Mi}}
                        volumeMounts: [{name: uploads, mountPath: /uploads}]
                      volumes:
                      - {name: uploads, emptyDir: {medium: Memory, sizeLimit: 320Mi}}
                """);
        assertThat(new PhotosInRamPolicy().violations(tight)).containsExactlyInAnyOrder(
                "Deployment/ingest container ingest: MENSURA_INGEST_UPLOAD_BUDGET_BYTES 104857600 differs from the upload tmpfs's sizeLimit 335544320",
                "Deployment/ingest container ingest: upload tmpfs 320.0 MiB does not fit in memory limit 768.0 MiB minus heap 512.0 MiB");
    }

    @Test
    void tlsGapsAreCaught() throws IOException {
        RenderedSet gaps = brokenSet("/broken/tls-gaps.yaml", "tls gaps");
        assertThat(new TlsIdentityPolicy().violations(gaps)).containsExactlyInAnyOrder(
                "Deployment/privacy container privacy: MENSURA_TLS_KEY is not /etc/mensura/tls/tls.key",
                "Deployment/privacy container privacy: liveness probe is not scheme HTTPS",
                "Deployment/privacy container privacy: readiness probe is not scheme HTTPS",
                "Deployment/privacy: scraped without the annotation prometheus.io/scheme: https",
                "Certificate privacy (of Deployment/privacy): no DNS name privacy.mensura.svc for its Service",
                "Certificate privacy (of Deployment/privacy): no usage client auth",
                "Deployment/privacy container privacy: mounts /etc/mensura/tls/tls.crt with subPath, which never receives a renewed certificate",
                "Deployment/privacy container privacy: mounts /etc/mensura/tls/tls.key with subPath, which never receives a renewed certificate",
                "Deployment/privacy container privacy: mounts /etc/mensura/tls/ca.crt with subPath, which never receives a renewed certificate",
                "Deployment/audit container audit: MENSURA_PRIVACY_URL is a plain http URL, not https",
                "Deployment/audit: no Certificate with URI spiffe://mensura/audit-service",
                "Certificate privacy: renewBefore 1000h is not shorter than duration 720h",
                "Certificate privacy: privateKey.rotationPolicy is not Always",
                "Certificate audit: no duration and renewBefore",
                "ConfigMap mensura-external key oidc-issuer: a plain http URL, not https",
                "Secret audit-service-tls: is of type kubernetes.io/tls; cert-manager issues those in the cluster",
                "Secret audit-service-tls key tls.key: holds a TLS private key",
                "ServiceMonitor privacy: endpoint https does not scrape with scheme https",
                "ServiceMonitor privacy: endpoint https does not verify the certificate (tlsConfig with ca and serverName,"
                        + " insecureSkipVerify false)",
                "HTTPRoute mensura: routes to Service audit, which has no BackendTLSPolicy",
                "BackendTLSPolicy privacy: hostname privacy.mensura.svc is in no Certificate");
    }

    @Test
    void aTokenSigningKeyInAnyPodIsCaught() throws IOException {
        RenderedSet signing = brokenSet("/broken/token-signing-key.yaml", "token signing key");
        assertThat(new NoTokenSigningKeyPolicy().violations(signing)).containsExactlyInAnyOrder(
                "Deployment/ingest: volume jwt-signing mounts the Secret mensura-jwt-signing",
                "Deployment/ingest container ingest: sets SMALLRYE_JWT_SIGN_KEY_LOCATION, a key to sign tokens with",
                "Deployment/audit: projected volume keys mounts the Secret mensura-jwt-signing",
                "Deployment/audit container prepare: sets SMALLRYE_JWT_SIGN_KEY, a key to sign tokens with",
                "Deployment/audit container prepare: SMALLRYE_JWT_SIGN_KEY comes from the Secret mensura-jwt-signing",
                "Deployment/audit container audit: takes its env from the Secret mensura-jwt-signing",
                "Deployment/audit container audit: mounts jwt-private.pem at /etc/mensura/keys/jwt-private.pem",
                "Secret mensura-jwt-signing: rendered; services authenticate by client certificate and need no token signing key");
        // The same checker that every rendering goes through (RenderedSetsKeepPoliciesTest) reports it.
        assertThat(PolicyChecker.violations(signing)).anySatisfy(v -> assertThat(v)
                .startsWith("NoTokenSigningKeyPolicy: Deployment/ingest: volume jwt-signing mounts the Secret mensura-jwt-signing"));
    }

    @Test
    void theSigningKeyPutBackIntoARealRenderingIsCaught() {
        // The chart's ingest Deployment as rendered, with the pre-issue-10 volume, mount and env added back.
        Deployment ingest = RenderedSets.get(RenderedSets.HELM_DEFAULT).find(Deployment.class, "ingest").orElseThrow();
        Deployment withKey = new DeploymentBuilder(ingest).editSpec().editTemplate().editSpec()
                .addNewVolume().withName("jwt-signing").withNewSecret().withSecretName("mensura-jwt-signing").endSecret().endVolume()
                .editFirstContainer()
                .addNewVolumeMount().withName("jwt-signing").withMountPath("/etc/mensura/jwt-signing").withReadOnly(true).endVolumeMount()
                .addNewEnv().withName("SMALLRYE_JWT_SIGN_KEY_LOCATION").withValue("/etc/mensura/jwt-signing/jwt-private.pem").endEnv()
                .endContainer().endSpec().endTemplate().endSpec().build();
        RenderedSet set = new RenderedSet("helm default with the signing key", false, List.of(withKey));
        assertThat(new NoTokenSigningKeyPolicy().violations(set)).containsExactlyInAnyOrder(
                "Deployment/ingest: volume jwt-signing mounts the Secret mensura-jwt-signing",
                "Deployment/ingest container ingest: sets SMALLRYE_JWT_SIGN_KEY_LOCATION, a key to sign tokens with");
        assertThat(new NoTokenSigningKeyPolicy().violations(RenderedSets.get(RenderedSets.HELM_DEFAULT))).isEmpty();
    }

    @Test
    void aPrivateKeyInAnyRenderedSecretIsCaught() {
        // Built here, not written out, so that no file in the repository looks like it holds a key.
        String pem = "-----BEGIN " + "PRIVATE KEY-----\\nCHANGE-ME\\n-----END " + "PRIVATE KEY-----";
        RenderedSet set = RenderedSet.parse("key in a secret", false, """
                apiVersion: v1
                kind: Secret
                metadata: {name: gateway-backend, namespace: mensura}
                stringData:
                  client.pem: "%s"
                """.formatted(pem));
        assertThat(new TlsIdentityPolicy().violations(set))
                .containsExactly("Secret gateway-backend key client.pem: holds a TLS private key");
    }

    private static RenderedSet brokenSet(String resource, String name) throws IOException {
        try (InputStream in = PolicyCheckerCatchesViolationsTest.class.getResourceAsStream(resource)) {
            return RenderedSet.parse(name, false, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theWholeCheckerReportsTheBrokenSet() {
        assertThat(PolicyChecker.violations(broken)).hasSizeGreaterThan(10);
    }
}
