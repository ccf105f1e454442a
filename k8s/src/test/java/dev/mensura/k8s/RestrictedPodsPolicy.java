package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The "restricted" Pod Security Standard, as uid 185 of the UBI OpenJDK images, for every container and
 * init container, plus requests and limits of CPU and memory; and the namespace that enforces it.
 */
final class RestrictedPodsPolicy implements Policy {
    static final long UID = 185L;

    @Override
    public List<String> violations(RenderedSet set) {
        List<String> violations = new ArrayList<>();
        Workload.in(set).forEach(w -> {
            PodSecurityContext pod = w.pod().getSecurityContext();
            for (Container c : w.allContainers()) {
                restricted(w + " container " + c.getName(), pod, c, violations);
                resources(w + " container " + c.getName(), c, violations);
            }
            if (Boolean.TRUE.equals(w.pod().getHostNetwork()) || Boolean.TRUE.equals(w.pod().getHostPID())
                    || Boolean.TRUE.equals(w.pod().getHostIPC())) {
                violations.add(w + ": shares a host namespace");
            }
        });
        enforcingNamespace(set, violations);
        return violations;
    }

    private static void restricted(String where, PodSecurityContext pod, Container c, List<String> violations) {
        SecurityContext sc = c.getSecurityContext() == null ? new SecurityContext() : c.getSecurityContext();
        if (!Boolean.TRUE.equals(effective(sc.getRunAsNonRoot(), pod, PodSecurityContext::getRunAsNonRoot))) {
            violations.add(where + ": runAsNonRoot is not true");
        }
        if (!Objects.equals(UID, effective(sc.getRunAsUser(), pod, PodSecurityContext::getRunAsUser))) {
            violations.add(where + ": does not run as uid " + UID);
        }
        if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
            violations.add(where + ": readOnlyRootFilesystem is not true");
        }
        if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            violations.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (Boolean.TRUE.equals(sc.getPrivileged())) {
            violations.add(where + ": is privileged");
        }
        if (sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                || !sc.getCapabilities().getDrop().contains("ALL")) {
            violations.add(where + ": does not drop ALL capabilities");
        }
        if (sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null && !sc.getCapabilities().getAdd().isEmpty()) {
            violations.add(where + ": adds capabilities " + sc.getCapabilities().getAdd());
        }
        SeccompProfile seccomp = effective(sc.getSeccompProfile(), pod, PodSecurityContext::getSeccompProfile);
        if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
            violations.add(where + ": seccompProfile is not RuntimeDefault");
        }
    }

    /** A container's own setting wins over the pod's. */
    private static <T> T effective(T containerValue, PodSecurityContext pod, Function<PodSecurityContext, T> podValue) {
        if (containerValue != null) {
            return containerValue;
        }
        return pod == null ? null : podValue.apply(pod);
    }

    private static void resources(String where, Container c, List<String> violations) {
        Map<String, Quantity> requests = c.getResources() == null ? null : c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources() == null ? null : c.getResources().getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (requests == null || !requests.containsKey(resource)) {
                violations.add(where + ": no " + resource + " request");
            }
            if (limits == null || !limits.containsKey(resource)) {
                violations.add(where + ": no " + resource + " limit");
            }
        }
    }

    private static void enforcingNamespace(RenderedSet set, List<String> violations) {
        Workload.in(set).map(Workload::namespace).distinct().forEach(ns -> {
            boolean enforced = set.ofKind("Namespace")
                    .filter(n -> n.getMetadata().getName().equals(ns))
                    .anyMatch(n -> n.getMetadata().getLabels() != null
                            && "restricted".equals(n.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce")));
            if (!enforced) {
                violations.add("namespace " + ns + " is not rendered with pod-security.kubernetes.io/enforce: restricted");
            }
        });
    }
}
