package dev.mensura.k8s;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's TLS values: an operator's own cert-manager issuer replaces the bootstrap CA, the
 * ServiceMonitors scrape over verified TLS, the BackendTLSPolicies can be left out or given an older
 * apiVersion, and a renewal that would come too late is reported.
 */
class HelmTlsValuesTest {

    @Test
    void anOwnIssuerReplacesTheBootstrapCa() {
        RenderedSet set = HelmChart.render("helm with an own issuer", Map.of(
                "tls.issuerRef.name", "corp-ca", "tls.issuerRef.kind", "ClusterIssuer", "tls.issuerRef.group", "cert-manager.io"));
        assertThat(set.ofKind("Issuer")).isEmpty();
        assertThat(set.ofKind("Certificate").map(o -> o.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(TlsEverywhereTest.SERVICES);
        for (String service : TlsEverywhereTest.SERVICES) {
            assertThat(TlsIdentityPolicy.spec(TlsEverywhereTest.certificate(set, service)).get("issuerRef")).as(service)
                    .isEqualTo(Map.of("name", "corp-ca", "kind", "ClusterIssuer", "group", "cert-manager.io"));
        }
        assertThat(PolicyChecker.violations(set)).isEmpty();
    }

    @Test
    void aRenewalDueAtOrAfterExpiryIsReported() {
        RenderedSet set = HelmChart.render("helm renewing too late", Map.of("tls.duration", "240h", "tls.renewBefore", "240h"));
        assertThat(new TlsIdentityPolicy().violations(set)).containsExactlyInAnyOrderElementsOf(TlsEverywhereTest.SERVICES.stream()
                .map(s -> "Certificate " + s + ": renewBefore 240h is not shorter than duration 240h").toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void serviceMonitorsScrapeOverVerifiedTls() {
        RenderedSet set = HelmChart.render("helm with ServiceMonitors", Map.of("metrics.serviceMonitor.enabled", true));
        assertThat(PolicyChecker.violations(set)).isEmpty();
        for (String service : TlsEverywhereTest.SERVICES) {
            Map<String, Object> spec = TlsIdentityPolicy.spec(TlsEverywhereTest.object(set, "ServiceMonitor", service));
            Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("endpoints")).get(0);
            assertThat(endpoint).containsEntry("port", "https").containsEntry("scheme", "https").containsEntry("path", "/q/metrics");
            assertThat(endpoint.get("tlsConfig")).isEqualTo(Map.of(
                    "ca", Map.of("secret", Map.of("name", service + "-service-tls", "key", "ca.crt")),
                    "serverName", service + ".mensura.svc",
                    "insecureSkipVerify", false));
        }
    }

    @Test
    void backendTlsPoliciesCanBeLeftOutOrGivenAnOlderApiVersion() {
        RenderedSet without = HelmChart.render("helm without BackendTLSPolicies", Map.of("httpRoute.backendTLS.enabled", false));
        assertThat(without.ofKind("BackendTLSPolicy")).isEmpty();
        assertThat(PolicyChecker.violations(without)).isEmpty();

        RenderedSet older = HelmChart.render("helm with v1alpha3", Map.of("httpRoute.backendTLS.apiVersion",
                "gateway.networking.k8s.io/v1alpha3"));
        assertThat(older.ofKind("BackendTLSPolicy").map(o -> o.getApiVersion()))
                .hasSize(TlsEverywhereTest.ROUTED.size()).containsOnly("gateway.networking.k8s.io/v1alpha3");
        assertThat(PolicyChecker.violations(older)).isEmpty();
    }
}
