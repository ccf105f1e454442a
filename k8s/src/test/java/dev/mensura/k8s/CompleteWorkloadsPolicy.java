package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every Deployment comes with a Service, its own ServiceAccount that mounts no API token, and a
 * PodDisruptionBudget that never blocks a node drain. audit is the single writer of its Merkle log:
 * exactly one replica, replaced by Recreate, never autoscaled.
 */
final class CompleteWorkloadsPolicy implements Policy {
    static final String AUDIT = "audit";

    @Override
    public List<String> violations(RenderedSet set) {
        List<String> violations = new ArrayList<>();
        List<Service> services = set.all(Service.class).toList();
        List<PodDisruptionBudget> pdbs = set.all(PodDisruptionBudget.class).toList();
        Workload.in(set).filter(w -> "Deployment".equals(w.kind())).forEach(w -> {
            if (services.stream().noneMatch(s -> sameNamespace(s.getMetadata().getNamespace(), w)
                    && Selectors.matches(s.getSpec().getSelector(), w.podLabels()))) {
                violations.add(w + ": no Service selects its pods");
            }
            serviceAccount(set, w, violations);
            List<PodDisruptionBudget> own = pdbs.stream().filter(p -> sameNamespace(p.getMetadata().getNamespace(), w)
                    && Selectors.matches(p.getSpec().getSelector(), w.podLabels())).toList();
            if (own.isEmpty()) {
                violations.add(w + ": no PodDisruptionBudget");
            }
            own.forEach(p -> drainable(w, p, violations));
        });
        singleAuditWriter(set, violations);
        return violations;
    }

    private static boolean sameNamespace(String namespace, Workload w) {
        return Objects.equals(namespace, w.namespace());
    }

    private static void serviceAccount(RenderedSet set, Workload w, List<String> violations) {
        String name = w.pod().getServiceAccountName();
        if (name == null || "default".equals(name)) {
            violations.add(w + ": runs as the default ServiceAccount");
            return;
        }
        ServiceAccount account = set.find(ServiceAccount.class, name).orElse(null);
        if (account == null) {
            violations.add(w + ": its ServiceAccount " + name + " is not rendered");
        } else if (!Boolean.FALSE.equals(account.getAutomountServiceAccountToken())) {
            violations.add("ServiceAccount " + name + ": automountServiceAccountToken is not false");
        }
    }

    /** A budget that allows no eviction at the workload's own replica count blocks drains forever. */
    private static void drainable(Workload w, PodDisruptionBudget pdb, List<String> violations) {
        int replicas = w.replicas() == null ? 1 : w.replicas();
        IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
        IntOrString minAvailable = pdb.getSpec().getMinAvailable();
        boolean blocks = (maxUnavailable != null && isZero(maxUnavailable))
                || (minAvailable != null && (minAvailable.getIntVal() != null ? minAvailable.getIntVal() >= replicas
                : "100%".equals(minAvailable.getStrVal())));
        if (blocks) {
            violations.add("PodDisruptionBudget " + pdb.getMetadata().getName() + " allows no eviction of " + w
                    + " at " + replicas + " replica(s): it would block node drains");
        }
    }

    private static boolean isZero(IntOrString value) {
        return value.getIntVal() != null ? value.getIntVal() == 0 : "0%".equals(value.getStrVal());
    }

    private static void singleAuditWriter(RenderedSet set, List<String> violations) {
        Deployment audit = set.find(Deployment.class, AUDIT).orElse(null);
        if (audit == null) {
            violations.add("no audit Deployment");
            return;
        }
        if (!Objects.equals(1, audit.getSpec().getReplicas())) {
            violations.add("audit runs " + audit.getSpec().getReplicas() + " replicas, not exactly 1");
        }
        if (audit.getSpec().getStrategy() == null || !"Recreate".equals(audit.getSpec().getStrategy().getType())) {
            violations.add("audit is not replaced with strategy Recreate: two writers would overlap");
        }
        if (Autoscalers.targets(set, AUDIT)) {
            violations.add("audit is autoscaled");
        }
    }
}
