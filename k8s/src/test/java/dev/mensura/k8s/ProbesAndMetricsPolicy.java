package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every service container is watched the same way: SmallRye Health's liveness and readiness (and a
 * startup probe, vision needing ~20 s to load its natives), and Prometheus scrape annotations that
 * point at /q/metrics on the container's port.
 */
final class ProbesAndMetricsPolicy implements Policy {
    static final String LIVE = "/q/health/live";
    static final String READY = "/q/health/ready";

    @Override
    public List<String> violations(RenderedSet set) {
        List<String> violations = new ArrayList<>();
        Workload.in(set).forEach(w -> {
            for (Container c : w.containers()) {
                String where = w + " container " + c.getName();
                probe(where, "liveness", c.getLivenessProbe(), LIVE, violations);
                probe(where, "readiness", c.getReadinessProbe(), READY, violations);
                if (c.getStartupProbe() == null) {
                    violations.add(where + ": no startup probe");
                }
                scrapeAnnotations(w, c, violations);
            }
        });
        return violations;
    }

    private static void probe(String where, String kind, Probe probe, String path, List<String> violations) {
        if (probe == null || probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            violations.add(where + ": no " + kind + " probe on " + path);
        }
    }

    private static void scrapeAnnotations(Workload w, Container c, List<String> violations) {
        Map<String, String> a = w.podAnnotations();
        List<String> ports = c.getPorts() == null ? List.of()
                : c.getPorts().stream().map(ContainerPort::getContainerPort).map(String::valueOf).toList();
        if (!"true".equals(a.get("prometheus.io/scrape")) || !"/q/metrics".equals(a.get("prometheus.io/path"))
                || !ports.contains(a.get("prometheus.io/port"))) {
            violations.add(w + ": no prometheus.io/scrape, path /q/metrics and port annotations for its port " + ports);
        }
    }
}
