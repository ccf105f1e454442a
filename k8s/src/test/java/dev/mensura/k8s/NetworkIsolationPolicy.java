package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The network is closed by default, and the photos' way out of ingest (the internal hand-over on its
 * public port) is open to vision alone: inside the namespace no pod but vision may reach ingest; from
 * outside, only other namespaces (the gateway, Prometheus) may, never by IP block.
 */
final class NetworkIsolationPolicy implements Policy {
    static final String INGEST = "ingest";
    static final String VISION = "vision";

    @Override
    public List<String> violations(RenderedSet set) {
        List<String> violations = new ArrayList<>();
        List<NetworkPolicy> policies = set.all(NetworkPolicy.class).toList();
        Workload.in(set).map(Workload::namespace).distinct().forEach(ns -> {
            boolean defaultDeny = policies.stream().filter(p -> Objects.equals(ns, p.getMetadata().getNamespace()))
                    .anyMatch(NetworkIsolationPolicy::deniesEverything);
            if (!defaultDeny) {
                violations.add("namespace " + ns + " has no default-deny NetworkPolicy for Ingress and Egress");
            }
        });
        List<Workload> workloads = Workload.in(set).toList();
        workloads.stream().filter(w -> INGEST.equals(w.name())).forEach(ingest ->
                onlyVisionReaches(ingest, workloads, policies, violations));
        return violations;
    }

    private static boolean deniesEverything(NetworkPolicy p) {
        var spec = p.getSpec();
        return Selectors.isEmpty(spec.getPodSelector())
                && spec.getPolicyTypes() != null && spec.getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && (spec.getIngress() == null || spec.getIngress().isEmpty())
                && (spec.getEgress() == null || spec.getEgress().isEmpty());
    }

    private static void onlyVisionReaches(Workload ingest, List<Workload> workloads, List<NetworkPolicy> policies,
                                          List<String> violations) {
        for (NetworkPolicy policy : policies) {
            if (!Objects.equals(ingest.namespace(), policy.getMetadata().getNamespace())
                    || !Selectors.matches(policy.getSpec().getPodSelector(), ingest.podLabels())
                    || policy.getSpec().getIngress() == null) {
                continue;
            }
            String where = "NetworkPolicy " + policy.getMetadata().getName() + " (selects ingest)";
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                    violations.add(where + ": a rule admits every source");
                    continue;
                }
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    peer(where, peer, ingest, workloads, violations);
                }
            }
        }
    }

    private static void peer(String where, NetworkPolicyPeer peer, Workload ingest, List<Workload> workloads,
                             List<String> violations) {
        if (peer.getIpBlock() != null) {
            violations.add(where + ": admits the IP block " + peer.getIpBlock().getCidr() + ", which may hold any pod");
        } else if (peer.getNamespaceSelector() == null) {
            // Same namespace: the pods it selects must be vision's and nobody else's.
            List<String> admitted = workloads.stream()
                    .filter(w -> Objects.equals(w.namespace(), ingest.namespace()))
                    .filter(w -> Selectors.matches(peer.getPodSelector(), w.podLabels()))
                    .map(Workload::name).filter(name -> !VISION.equals(name)).distinct().toList();
            if (!admitted.isEmpty() || Selectors.isEmpty(peer.getPodSelector())) {
                violations.add(where + ": admits pods of " + (admitted.isEmpty() ? "any workload" : admitted)
                        + " besides vision");
            }
        } else if (selectsOwnNamespace(peer, ingest.namespace())) {
            violations.add(where + ": its namespaceSelector admits ingest's own namespace " + ingest.namespace());
        }
    }

    /** Namespaces always carry kubernetes.io/metadata.name; an empty selector selects all of them. */
    private static boolean selectsOwnNamespace(NetworkPolicyPeer peer, String namespace) {
        return Selectors.matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", namespace));
    }
}
